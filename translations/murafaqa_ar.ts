<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_MA" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="86"/>
        <source>Something went wrong and the action was not done. The details were written to the log file:</source>
        <translation>حدث خطأ ولم يتم تنفيذ العملية. التفاصيل مسجلة في ملف السجل:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="98"/>
        <source>Murafaqa</source>
        <translation>مرافقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="102"/>
        <source>Copy the details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="13"/>
        <source>About Murafaqa</source>
        <translation>حول مرافقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="14"/>
        <source>Murafaqa — coaching of new cooperatives</source>
        <translation>مرافقة — مواكبة التعاونيات حديثة التأسيس</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="18"/>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="19"/>
        <source>Database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="20"/>
        <source>Data folder</source>
        <translation>مجلد البيانات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="21"/>
        <source>Log file</source>
        <translation>سجل الأخطاء</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="33"/>
        <source>Training session</source>
        <translation>دورة التكوين</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="57"/>
        <source>Due</source>
        <translation>الموعد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="58"/>
        <source>Cooperative</source>
        <translation>التعاونية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="59"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="61"/>
        <source>Sessions</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Overdue coaching sessions</source>
        <translation>حصص مواكبة متأخرة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Due this week</source>
        <translation>مبرمجة هذا الأسبوع</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Coming next (30 days)</source>
        <translation>المقبلة (30 يوما)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="66"/>
        <source>Training sessions to come</source>
        <translation>دورات التكوين المقبلة</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="33"/>
        <source>New application</source>
        <translation>ترشيح جديد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="43"/>
        <source>Registration number:</source>
        <translation>رقم التسجيل:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="44"/>
        <source>Received on:</source>
        <translation>تاريخ التوصل:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="48"/>
        <source>Documents in the file:</source>
        <translation>وثائق الملف:</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="30"/>
        <source>Registration no.</source>
        <translation>رقم التسجيل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="31"/>
        <source>Cooperative</source>
        <translation>التعاونية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="32"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="33"/>
        <source>Received</source>
        <translation>تاريخ التوصل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="34"/>
        <source>Complete</source>
        <translation>ملف مكتمل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="35"/>
        <source>Eligible</source>
        <translation>مؤهلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="36"/>
        <source>Rated</source>
        <translation>منقطة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="37"/>
        <source>Score</source>
        <translation>النقطة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="38"/>
        <source>Rank</source>
        <translation>الرتبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="39"/>
        <source>Proposal</source>
        <translation>الاقتراح</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="40"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="45"/>
        <source>not checked</source>
        <translation>لم يتم التحقق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="47"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="48"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="54"/>
        <source>withdrawn</source>
        <translation>منسحبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="56"/>
        <source>proposed</source>
        <translation>مقترحة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="58"/>
        <source>waiting %1</source>
        <translation>الانتظار رقم %1</translation>
    </message>
</context>
<context>
    <name>AttendanceSheet</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="111"/>
        <source>Type the name, Tab to the next box, Enter to save the participant.</source>
        <translation>اكتب الاسم، ثم Tab للانتقال إلى الخانة الموالية، وEntrée لتسجيل المشارك.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="115"/>
        <source>Choose a training session to enter its attendance.</source>
        <translation>اختر دورة لتسجيل الحضور.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="154"/>
        <source>%1 participants, of whom %2 women</source>
        <translation>%1 مشاركا، منهم %2 نساء</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="28"/>
        <source>Printing</source>
        <translation>الطباعة</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="29"/>
        <source>Preparing %n document(s)…</source>
        <translation>
            <numerusform>جار إعداد الوثائق…</numerusform>
            <numerusform>جار إعداد وثيقة واحدة…</numerusform>
            <numerusform>جار إعداد وثيقتين…</numerusform>
            <numerusform>جار إعداد %n وثائق…</numerusform>
            <numerusform>جار إعداد %n وثيقة…</numerusform>
            <numerusform>جار إعداد %n وثيقة…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="34"/>
        <source>%1 of %2 documents</source>
        <translation>%1 من %2 وثيقة</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="67"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="68"/>
        <source>Received</source>
        <translation>المتوصل بها</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="69"/>
        <source>Complete</source>
        <translation>المكتملة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="70"/>
        <source>Eligible</source>
        <translation>المؤهلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="71"/>
        <source>Rated</source>
        <translation>المنقطة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="72"/>
        <source>Retained / places</source>
        <translation>المقبولة / المقاعد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="175"/>
        <source>← Calls</source>
        <translation>→ طلبات الاهتمام</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="176"/>
        <source>Applications</source>
        <translation>الترشيحات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="177"/>
        <source>Ranking</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="178"/>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="182"/>
        <source>Region:</source>
        <translation>الجهة:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="178"/>
        <source>Complete:</source>
        <translation>مكتمل:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="179"/>
        <source>Eligible:</source>
        <translation>مؤهلة:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="179"/>
        <source>Rated:</source>
        <translation>منقطة:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="180"/>
        <source>Decision:</source>
        <translation>القرار:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="184"/>
        <source>The line across the ranking marks the places: above it the proposed applications, below it the waiting list in order. Equal scores share a rank; the order among them is the share of women and young people, then the earlier received date, then the registration number.</source>
        <translation>يحدد الخط المرسوم عبر الترتيب المقاعد: فوقه الترشيحات المقترحة، وتحته لائحة الانتظار حسب ترتيبها. عند تساوي النقط تتقاسم الترشيحات نفس الرتبة، ويحدد الترتيب حينئذ نسبة النساء والشباب، ثم تاريخ التوصل الأقدم، ثم رقم التسجيل.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="187"/>
        <source>Decide…</source>
        <translation>اتخاذ القرار…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="188"/>
        <source>New application…</source>
        <translation>ترشيح جديد…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="189"/>
        <source>Export the rating grid…</source>
        <translation>تصدير شبكة التنقيط…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="190"/>
        <source>Import the rating grid…</source>
        <translation>استيراد شبكة التنقيط…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="191"/>
        <source>Print the ranking</source>
        <translation>طبع الترتيب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="192"/>
        <source>Print the minutes</source>
        <translation>طبع المحضر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="193"/>
        <source>Print the letters</source>
        <translation>طبع الرسائل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>all</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="207"/>
        <source>not checked</source>
        <translation>لم يتم التحقق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="210"/>
        <source>not decided</source>
        <translation>دون قرار</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="235"/>
        <source>Call of tranche %1, phase %2</source>
        <translation>طلب إبداء الاهتمام للشطر %1، المرحلة %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="240"/>
        <source>Tranche %1, phase %2 · closes %3 · eligibility judged on %4</source>
        <translation>الشطر %1، المرحلة %2 · الإغلاق في %3 · الأهلية مقدرة بتاريخ %4</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="243"/>
        <source>%1 of %2 applications shown</source>
        <translation>%1 ترشيح(ا) معروض(ا) من أصل %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="293"/>
        <source>Only a coordinator or an administrator decides.</source>
        <translation>لا يتخذ القرار إلا المنسق أو المدير.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="370"/>
        <source>Export the rating grid</source>
        <translation>تصدير شبكة التنقيط</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="372"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>مصنفات Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="388"/>
        <source>%n application(s) written to the grid %1</source>
        <translation>
            <numerusform>لا يوجد أي ترشيح في الشبكة %1</numerusform>
            <numerusform>ترشيح واحد في الشبكة %1</numerusform>
            <numerusform>ترشيحان في الشبكة %1</numerusform>
            <numerusform>%n ترشيحات في الشبكة %1</numerusform>
            <numerusform>%n ترشيحا في الشبكة %1</numerusform>
            <numerusform>%n ترشيح في الشبكة %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="395"/>
        <source>Import the rating grid</source>
        <translation>استيراد شبكة التنقيط</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="396"/>
        <source>Rating grids (*.xlsx *.csv)</source>
        <translation>شبكات التنقيط (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="411"/>
        <source>Grid imported: %n application(s) changed</source>
        <translation>
            <numerusform>تم استيراد الشبكة: لم يتغير أي ترشيح</numerusform>
            <numerusform>تم استيراد الشبكة: تغير ترشيح واحد</numerusform>
            <numerusform>تم استيراد الشبكة: تغير ترشيحان</numerusform>
            <numerusform>تم استيراد الشبكة: تغيرت %n ترشيحات</numerusform>
            <numerusform>تم استيراد الشبكة: تغير %n ترشيحا</numerusform>
            <numerusform>تم استيراد الشبكة: تغير %n ترشيح</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsList</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="49"/>
        <source>Call</source>
        <translation>طلب إبداء الاهتمام</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="50"/>
        <source>Tranche / phase</source>
        <translation>الشطر / المرحلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="51"/>
        <source>Opens</source>
        <translation>الافتتاح</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="52"/>
        <source>Closes</source>
        <translation>الإغلاق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="53"/>
        <source>Eligibility judged on</source>
        <translation>الأهلية مقدرة بتاريخ</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="54"/>
        <source>Applications</source>
        <translation>الترشيحات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="55"/>
        <source>Regions and places</source>
        <translation>الجهات والمقاعد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="71"/>
        <source>Calls for applications</source>
        <translation>طلبات إبداء الاهتمام</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="72"/>
        <source>New call…</source>
        <translation>طلب جديد…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="73"/>
        <source>Open the call</source>
        <translation>فتح الطلب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="74"/>
        <source>No call yet: a coordinator creates one with “New call…”.</source>
        <translation>لا يوجد أي طلب بعد: ينشئه المنسق عبر «طلب جديد…».</translation>
    </message>
</context>
<context>
    <name>CoachingTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="96"/>
        <source>Two-year window: %1 → %2</source>
        <translation>مدة السنتين: %1 ← %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="99"/>
        <source>Coaching has not started yet.</source>
        <translation>لم تبدأ المواكبة بعد.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="101"/>
        <source>Overdue by %1 days (due %2)</source>
        <translation>متأخرة بـ %1 يوما (موعدها %2)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="106"/>
        <source>next session due %1</source>
        <translation>الحصة المقبلة في %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="110"/>
        <source>%1 sessions of 12 done</source>
        <translation>أنجزت %1 حصص من 12</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="114"/>
        <source>All 12 sessions are recorded: the programme plans no 13th session.</source>
        <translation>تم تسجيل الحصص الـ12 كلها: لا يتضمن البرنامج حصة ثالثة عشرة.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="80"/>
        <source>What happened</source>
        <translation>ما الذي حدث</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="80"/>
        <source>Record and field</source>
        <translation>السجل والحقل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="81"/>
        <source>Server value</source>
        <translation>قيمة الخادم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="81"/>
        <source>This laptop&apos;s value</source>
        <translation>قيمة هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="82"/>
        <source>By</source>
        <translation>من طرف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="83"/>
        <source>Two people changed the same thing. The server kept its value; choose the right one or type it.</source>
        <translation>غيّر شخصان الشيء نفسه. احتفظ الخادم بقيمته؛ اختر القيمة الصحيحة أو اكتبها.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="85"/>
        <source>Keep the server&apos;s value</source>
        <translation>الإبقاء على قيمة الخادم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="86"/>
        <source>Take this laptop&apos;s value</source>
        <translation>اعتماد قيمة هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="87"/>
        <source>Another value</source>
        <translation>قيمة أخرى</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="88"/>
        <source>Use this value</source>
        <translation>اعتماد هذه القيمة</translation>
    </message>
</context>
<context>
    <name>CooperativeList</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="104"/>
        <source>Search by name, registration number, president, commune…</source>
        <translation>البحث بالاسم أو رقم التسجيل أو الرئيس(ة) أو الجماعة…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="105"/>
        <source>New cooperative</source>
        <translation>تعاونية جديدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="106"/>
        <source>Overdue coaching only</source>
        <translation>المواكبة المتأخرة فقط</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="107"/>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="123"/>
        <source>All regions</source>
        <translation>جميع الجهات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="108"/>
        <source>All tranches</source>
        <translation>جميع الأشطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="109"/>
        <source>Tranche %1</source>
        <translation>الشطر %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="110"/>
        <source>Every status</source>
        <translation>جميع الوضعيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="112"/>
        <source>Eligible or not</source>
        <translation>مؤهلة أو غير مؤهلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="113"/>
        <source>Eligible today</source>
        <translation>مؤهلة اليوم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="113"/>
        <source>Not eligible today</source>
        <translation>غير مؤهلة اليوم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="114"/>
        <source>Show every cooperative</source>
        <translation>عرض كل التعاونيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="190"/>
        <source>Also filtered on: %1</source>
        <translation>مصفاة أيضا حسب: %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="199"/>
        <source>phase %1</source>
        <translation>المرحلة %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="201"/>
        <source>coach %1</source>
        <translation>المؤطر %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="216"/>
        <source>%n cooperative(s)</source>
        <translation>
            <numerusform>لا توجد تعاونية</numerusform>
            <numerusform>تعاونية واحدة</numerusform>
            <numerusform>تعاونيتان</numerusform>
            <numerusform>%n تعاونيات</numerusform>
            <numerusform>%n تعاونية</numerusform>
            <numerusform>%n تعاونية</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="218"/>
        <source>%1 loaded</source>
        <translation>%1 معروضة</translation>
    </message>
</context>
<context>
    <name>CooperativeRecord</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Profile</source>
        <translation>البطاقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Eligibility &amp;&amp; selection</source>
        <translation>الأهلية والانتقاء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Strategic diagnosis</source>
        <translation>التشخيص الاستراتيجي</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Development plan</source>
        <translation>مخطط التنمية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Coaching</source>
        <translation>المواكبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Trainings attended</source>
        <translation>التكوينات المستفاد منها</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="105"/>
        <source>Financing</source>
        <translation>التمويل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="105"/>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="108"/>
        <source>Back to the list</source>
        <translation>العودة إلى اللائحة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="109"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="114"/>
        <source>New cooperative</source>
        <translation>تعاونية جديدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="115"/>
        <source>Fields marked * are required.</source>
        <translation>الحقول المشار إليها بـ * إلزامية.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="182"/>
        <source>Unsaved changes from an earlier session were restored.</source>
        <translation>تم استرجاع تعديلات غير محفوظة من جلسة سابقة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="202"/>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
</context>
<context>
    <name>CooperativeTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="62"/>
        <source>Registration no.</source>
        <translation>رقم التسجيل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="66"/>
        <source>Status</source>
        <translation>الوضعية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="63"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="64"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="65"/>
        <source>Tranche</source>
        <translation>الشطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="67"/>
        <source>Coach</source>
        <translation>المؤطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="68"/>
        <source>Eligible</source>
        <translation>مؤهلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="69"/>
        <source>Sessions</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="70"/>
        <source>Next session</source>
        <translation>الحصة المقبلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="279"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="280"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="59"/>
        <source>Never synced; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>لم تتم المزامنة قط؛ لا توجد تعديلات لم ترسل من هذا الحاسوب</numerusform>
            <numerusform>لم تتم المزامنة قط؛ تعديل واحد من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>لم تتم المزامنة قط؛ تعديلان من هذا الحاسوب لم يرسلا بعد</numerusform>
            <numerusform>لم تتم المزامنة قط؛ %n تعديلات من هذا الحاسوب لم ترسل بعد</numerusform>
            <numerusform>لم تتم المزامنة قط؛ %n تعديلا من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>لم تتم المزامنة قط؛ %n تعديل من هذا الحاسوب لم يرسل بعد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="67"/>
        <source>As of the last sync at %1; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ لا توجد تعديلات لم ترسل من هذا الحاسوب</numerusform>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ تعديل واحد من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ تعديلان من هذا الحاسوب لم يرسلا بعد</numerusform>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ %n تعديلات من هذا الحاسوب لم ترسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ %n تعديلا من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة على الساعة %1؛ %n تعديل من هذا الحاسوب لم يرسل بعد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="71"/>
        <source>As of the last sync on %1 at %2; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ لا توجد تعديلات لم ترسل من هذا الحاسوب</numerusform>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ تعديل واحد من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ تعديلان من هذا الحاسوب لم يرسلا بعد</numerusform>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ %n تعديلات من هذا الحاسوب لم ترسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ %n تعديلا من هذا الحاسوب لم يرسل بعد</numerusform>
            <numerusform>حسب آخر مزامنة بتاريخ %1 على الساعة %2؛ %n تعديل من هذا الحاسوب لم يرسل بعد</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/tiles.py" line="60"/>
        <source>Open the list of these cooperatives</source>
        <translation>فتح لائحة هذه التعاونيات</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="215"/>
        <source>target: %1</source>
        <translation>الهدف: %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="218"/>
        <source>Coaching sessions held</source>
        <translation>حصص المواكبة المنجزة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="219"/>
        <source>%1 due by today</source>
        <translation>%1 مستحقة إلى اليوم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="220"/>
        <source>Held on time</source>
        <translation>المنجزة في موعدها</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="221"/>
        <source>%1 of %2 sessions</source>
        <translation>%1 من %2 حصة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="223"/>
        <source>the oldest due on %1</source>
        <translation>أقدمها مستحقة في %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="225"/>
        <source>Cooperatives overdue now</source>
        <translation>التعاونيات المتأخرة حاليا</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="234"/>
        <source>sessions · %1 participants</source>
        <translation>حصص · %1 مشارك</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="235"/>
        <source>Participants</source>
        <translation>المشاركون</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="236"/>
        <source>Women</source>
        <translation>النساء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="237"/>
        <source>Young people</source>
        <translation>الشباب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="248"/>
        <source>Tranche %1</source>
        <translation>الشطر %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="250"/>
        <source>%1, phase %2</source>
        <translation>%1، المرحلة %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>Tranche</source>
        <translation>الشطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>Planned</source>
        <translation>المتوقع</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>In the database</source>
        <translation>في قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Diagnoses planned</source>
        <translation>التشخيصات المتوقعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Diagnosed</source>
        <translation>المشخصة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Financing planned</source>
        <translation>التمويلات المتوقعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="255"/>
        <source>Financed</source>
        <translation>الممولة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="287"/>
        <source>Cooperatives</source>
        <translation>التعاونيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Coached</source>
        <translation>المواكبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Completed</source>
        <translation>المكتملة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Overdue</source>
        <translation>المتأخرة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="275"/>
        <source>Cooperatives per region</source>
        <translation>التعاونيات حسب الجهة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="282"/>
        <source>Coaching sessions per month</source>
        <translation>حصص المواكبة حسب الشهر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="283"/>
        <source>Sessions</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="287"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="308"/>
        <source>Pipeline</source>
        <translation>مسار البرنامج</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="309"/>
        <source>Coaching</source>
        <translation>المواكبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="310"/>
        <source>Collective training</source>
        <translation>التكوين الجماعي</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="311"/>
        <source>Against the programme&apos;s plan</source>
        <translation>مقارنة بتوقعات البرنامج</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="312"/>
        <source>Regions</source>
        <translation>الجهات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="313"/>
        <source>The team</source>
        <translation>الفريق</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="34"/>
        <source>Committee decision</source>
        <translation>قرار اللجنة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="50"/>
        <source>Proposal:</source>
        <translation>الاقتراح:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="51"/>
        <source>Decision:</source>
        <translation>القرار:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="52"/>
        <source>Reason:</source>
        <translation>التعليل:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="63"/>
        <source>rank %1, </source>
        <translation>الرتبة %1، </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="64"/>
        <source>score %1</source>
        <translation>النقطة %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="74"/>
        <source>A written reason is required for this decision.</source>
        <translation>يلزم تعليل مكتوب لهذا القرار.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="75"/>
        <source>A reason may be written; it is not required.</source>
        <translation>يمكن كتابة تعليل، وهو غير إلزامي.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="32"/>
        <source>Connect this laptop to the server</source>
        <translation>ربط هذا الحاسوب بالخادم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="44"/>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="45"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="46"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="58"/>
        <source>Fill in the server, the user and the password.</source>
        <translation>املأ الخادم واسم المستخدم وكلمة المرور.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="72"/>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="73"/>
        <source>Preparing the export…</source>
        <translation>جار إعداد التصدير…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="77"/>
        <source>Sheet %1 of %2: %3 — %4 rows written</source>
        <translation>الورقة %1 من %2: %3 — كُتب %4 سطر</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="25"/>
        <source>Welcome to Murafaqa</source>
        <translation>مرحبا بكم في مرافقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="26"/>
        <source>This laptop has no data yet. Tell us who you are; you can also load a demonstration programme to try the software.</source>
        <translation>لا يحتوي هذا الحاسوب على أي بيانات بعد. عرّف بنفسك؛ ويمكنك أيضا تحميل برنامج تجريبي لتجربة البرنامج.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="33"/>
        <source>Load the demonstration programme (2,000 cooperatives)</source>
        <translation>تحميل البرنامج التجريبي (2000 تعاونية)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="35"/>
        <source>Coach name</source>
        <translation>اسم المؤطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="36"/>
        <source>Region</source>
        <translation>الجهة</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="174"/>
        <source>Asking the server…</source>
        <translation>جار سؤال الخادم…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="176"/>
        <source>This laptop is not enrolled with a server: only its own changes not yet sent are shown.</source>
        <translation>هذا الحاسوب غير مسجل لدى أي خادم: لا تعرض إلا تعديلاته التي لم ترسل بعد.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="179"/>
        <source>The server&apos;s history has never been fetched on this laptop.</source>
        <translation>لم يجلب سجل الخادم قط على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="181"/>
        <source>The server cannot be asked now: the history below is as fetched on %1.</source>
        <translation>تعذر الوصول إلى الخادم الآن: السجل أدناه كما جلب في %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="184"/>
        <source>History fetched from the server on %1.</source>
        <translation>السجل مجلوب من الخادم في %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="191"/>
        <source>Changes of this laptop not yet sent: %1 (shown first, tinted).</source>
        <translation>تعديلات هذا الحاسوب التي لم ترسل بعد: %1 (في الأعلى، بخلفية ملونة).</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="194"/>
        <source>Fetch again</source>
        <translation>الجلب من جديد</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="47"/>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="55"/>
        <source>this laptop</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="56"/>
        <source>%1 (not yet sent)</source>
        <translation>%1 (لم يرسل بعد)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="60"/>
        <source>%1 deleted</source>
        <translation>حذف: %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="74"/>
        <source>Saved on this laptop, not yet accepted by the server: it will be sent at the next sync.</source>
        <translation>محفوظ على هذا الحاسوب، لم يقبله الخادم بعد: سيرسل في المزامنة القادمة.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="155"/>
        <source>Murafaqa is locked</source>
        <translation>مرافقة مقفلة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="156"/>
        <source>The cooperatives&apos; data on this laptop is encrypted. Type your passphrase to open it.</source>
        <translation>بيانات التعاونيات على هذا الحاسوب مشفرة. اكتب عبارتك السرية لفتحها.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="158"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="204"/>
        <source>Passphrase</source>
        <translation>العبارة السرية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="160"/>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="162"/>
        <source>Forgotten passphrase…</source>
        <translation>نسيت العبارة السرية…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="172"/>
        <source>Encrypting the data…</source>
        <translation>جارٍ تشفير البيانات…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="173"/>
        <source>The data on this laptop is being encrypted. Keep Murafaqa open until it is done: this takes from a few seconds to a few minutes, and an interruption loses nothing.</source>
        <translation>يجري تشفير البيانات على هذا الحاسوب. أبقِ مرافقة مفتوحة حتى ينتهي: يستغرق ذلك من بضع ثوانٍ إلى بضع دقائق، ولا يضيع أي شيء إذا انقطع.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="184"/>
        <source>Forgotten passphrase</source>
        <translation>العبارة السرية المنسية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="185"/>
        <source>Type the recovery key printed when this laptop was set up, or the one-time recovery code your administrator gives you. You will then choose a new passphrase.</source>
        <translation>اكتب مفتاح الاستعادة المطبوع عند إعداد هذا الحاسوب، أو رمز الاستعادة الصالح لمرة واحدة الذي يعطيك إياه المسؤول. ستختار بعد ذلك عبارة سرية جديدة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="188"/>
        <source>Recovery key or recovery code</source>
        <translation>مفتاح الاستعادة أو رمز الاستعادة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="190"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="276"/>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="191"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="199"/>
        <source>Choose a passphrase</source>
        <translation>اختر عبارة سرية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="200"/>
        <source>At least 10 characters. A sentence you remember is best; it cannot be recovered without the recovery key.</source>
        <translation>10 أحرف على الأقل. الأفضل جملة تتذكرها؛ لا يمكن استرجاعها دون مفتاح الاستعادة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="206"/>
        <source>The same passphrase again</source>
        <translation>العبارة السرية نفسها مرة أخرى</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="208"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="277"/>
        <source>Encrypt and continue</source>
        <translation>تشفير ومتابعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="209"/>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="219"/>
        <source>Your recovery key</source>
        <translation>مفتاح الاستعادة الخاص بك</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="220"/>
        <source>Write this key down or print it, and keep it away from the laptop (the coordinator can keep it). It opens the data if the passphrase is forgotten. It is shown only now.</source>
        <translation>دوّن هذا المفتاح أو اطبعه، واحفظه بعيدًا عن الحاسوب (يمكن أن يحتفظ به المنسق). فهو يفتح البيانات إذا نُسيت العبارة السرية. لا يُعرض إلا الآن.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="231"/>
        <source>Save the sheet to print (PDF)…</source>
        <translation>حفظ الورقة للطباعة (PDF)…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="232"/>
        <source>I have kept it: continue</source>
        <translation>احتفظت به: متابعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="270"/>
        <source>The cooperatives&apos; data on this laptop will be encrypted: choose the passphrase that opens it. You will type it each time Murafaqa starts or locks.</source>
        <translation>ستُشفَّر بيانات التعاونيات على هذا الحاسوب: اختر العبارة السرية التي تفتحها. ستكتبها في كل مرة تبدأ فيها مرافقة أو تُقفل.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="272"/>
        <source>The data on this laptop was kept in clear by an earlier version. Choose a passphrase to encrypt it now: a lost laptop then leaks nothing.</source>
        <translation>كانت نسخة سابقة تحفظ بيانات هذا الحاسوب دون تشفير. اختر عبارة سرية لتشفيرها الآن: عندها لا يُسرِّب الحاسوب الضائع شيئًا.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="274"/>
        <source>The data is open again. Choose a new passphrase.</source>
        <translation>البيانات مفتوحة من جديد. اختر عبارة سرية جديدة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="341"/>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>العبارتان مختلفتان: اكتب العبارة نفسها مرتين.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="399"/>
        <source>Recovery key sheet</source>
        <translation>ورقة مفتاح الاستعادة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="372"/>
        <source>Murafaqa — coaching of cooperatives</source>
        <translation>مرافقة — مواكبة التعاونيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="140"/>
        <source>Cooperatives</source>
        <translation>التعاونيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="139"/>
        <source>Dashboard</source>
        <translation>لوحة القيادة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="141"/>
        <source>My agenda</source>
        <translation>مفكرتي</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="142"/>
        <source>Collective trainings</source>
        <translation>التكوين الجماعي</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="144"/>
        <source>Selection</source>
        <translation>الانتقاء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="145"/>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="375"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="376"/>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="377"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="379"/>
        <source>New cooperative</source>
        <translation>تعاونية جديدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="380"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="381"/>
        <source>Find a cooperative</source>
        <translation>البحث عن تعاونية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="382"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="197"/>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="385"/>
        <source>working…</source>
        <translation>جار العمل…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="499"/>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="504"/>
        <source>Loading the demonstration programme…</source>
        <translation>جار تحميل البرنامج التجريبي…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="499"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="508"/>
        <source>Cancelling the demonstration load…</source>
        <translation>جار إلغاء تحميل البرنامج التجريبي…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="528"/>
        <source>The demonstration load was cancelled: nothing of it was kept.</source>
        <translation>تم إلغاء تحميل البرنامج التجريبي: لم يُحتفظ بأي شيء منه.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="629"/>
        <source>Unsaved changes</source>
        <translation>تعديلات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="630"/>
        <source>This form has changes that are not saved. Save them before closing?</source>
        <translation>يحتوي هذا النموذج على تعديلات غير محفوظة. هل تريد حفظها قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>NewCallForm</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="85"/>
        <source>New call for applications</source>
        <translation>طلب جديد لإبداء الاهتمام</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="86"/>
        <source>Places per region (0: the call does not cover the region)</source>
        <translation>المقاعد حسب الجهة (0: الطلب لا يشمل الجهة)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="90"/>
        <source>Create the call</source>
        <translation>إنشاء الطلب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="91"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="44"/>
        <source>Changed on</source>
        <translation>تاريخ التعديل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="45"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="46"/>
        <source>Change</source>
        <translation>التعديل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="46"/>
        <source>deleted</source>
        <translation>محذوف</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="47"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>لا حقول</numerusform>
            <numerusform>حقل واحد</numerusform>
            <numerusform>حقلان</numerusform>
            <numerusform>%n حقول</numerusform>
            <numerusform>%n حقلا</numerusform>
            <numerusform>%n حقل</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="48"/>
        <source>Fields</source>
        <translation>الحقول</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="60"/>
        <source>Changes are kept on this laptop and will be sent to the programme&apos;s server at the next synchronisation.</source>
        <translation>تحفظ التعديلات على هذا الحاسوب وسترسل إلى خادم البرنامج عند المزامنة المقبلة.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="55"/>
        <source>Add an action</source>
        <translation>إضافة إجراء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="56"/>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="57"/>
        <source>Move up</source>
        <translation>إلى الأعلى</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="58"/>
        <source>Move down</source>
        <translation>إلى الأسفل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="59"/>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="100"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="100"/>
        <source>Remove this action from the plan?</source>
        <translation>هل تريد حذف هذا الإجراء من المخطط؟</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="64"/>
        <source>Print preview</source>
        <translation>معاينة قبل الطباعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="72"/>
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="73"/>
        <source>Save as PDF…</source>
        <translation>حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="74"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="81"/>
        <source>Document language:</source>
        <translation>لغة الوثيقة:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="123"/>
        <source>Preparing the document…</source>
        <translation>جار إعداد الوثيقة…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="138"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>لا توجد صفحات</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتان</numerusform>
            <numerusform>%n صفحات</numerusform>
            <numerusform>%n صفحة</numerusform>
            <numerusform>%n صفحة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="158"/>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="165"/>
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="159"/>
        <source>PDF documents (*.pdf)</source>
        <translation>وثائق PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="57"/>
        <source>%1 / %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/background.py" line="152"/>
        <source>Cancelling…</source>
        <translation>جار الإلغاء…</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="62"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="25"/>
        <source>Rank</source>
        <translation>الرتبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="26"/>
        <source>Registration no.</source>
        <translation>رقم التسجيل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="27"/>
        <source>Cooperative</source>
        <translation>التعاونية</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="28"/>
        <source>Score</source>
        <translation>النقطة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="29"/>
        <source>Women + youth</source>
        <translation>النساء + الشباب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="30"/>
        <source>Received</source>
        <translation>تاريخ التوصل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="31"/>
        <source>Proposal</source>
        <translation>الاقتراح</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="32"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="95"/>
        <source>Documents of the file</source>
        <translation>وثائق الملف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="96"/>
        <source>The six criteria: rating, evidence, document in the file</source>
        <translation>المعايير الستة: التنقيط، الإثبات، الوثيقة في الملف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="108"/>
        <source>Evidence</source>
        <translation>الإثبات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="109"/>
        <source>document</source>
        <translation>وثيقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="110"/>
        <source>Save the file and its ratings</source>
        <translation>حفظ الملف وتنقيطه</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="112"/>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="121"/>
        <source>Choose an application to rate it.</source>
        <translation>اختر ترشيحا لتنقيطه.</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="118"/>
        <source>Save the diagnosis</source>
        <translation>حفظ التشخيص</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="119"/>
        <source>Assess a section</source>
        <translation>تقييم محور</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="120"/>
        <source>Add a need</source>
        <translation>إضافة حاجة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="121"/>
        <source>Edit the need</source>
        <translation>تعديل الحاجة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="122"/>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="182"/>
        <source>Remove the need</source>
        <translation>حذف الحاجة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="183"/>
        <source>Remove this need from the diagnosis?</source>
        <translation>هل تريد حذف هذه الحاجة من التشخيص؟</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="316"/>
        <source>New financing application</source>
        <translation>طلب تمويل جديد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="317"/>
        <source>Record the application</source>
        <translation>تسجيل الطلب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="318"/>
        <source>No financing application yet.</source>
        <translation>لا يوجد أي طلب تمويل بعد.</translation>
    </message>
</context>
<context>
    <name>RevokedLaptop</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/revoked.py" line="59"/>
        <source>This laptop was revoked</source>
        <translation>أُلغيت صلاحية هذا الحاسوب</translation>
    </message>
</context>
<context>
    <name>ScopeBar</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="41"/>
        <source>Scope:</source>
        <translation>النطاق:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="43"/>
        <source>All regions</source>
        <translation>جميع الجهات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="48"/>
        <source>Tranche %1</source>
        <translation>الشطر %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="51"/>
        <source>%1, phase %2</source>
        <translation>%1، المرحلة %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="53"/>
        <source>All tranches</source>
        <translation>جميع الأشطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="54"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="70"/>
        <source>All coaches</source>
        <translation>جميع المؤطرين</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="59"/>
        <source>All provinces</source>
        <translation>جميع الأقاليم</translation>
    </message>
</context>
<context>
    <name>SelectionTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="71"/>
        <source>Evidence</source>
        <translation>الإثبات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="72"/>
        <source>Save the ratings</source>
        <translation>حفظ التنقيط</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="91"/>
        <source>Eligible on %1.</source>
        <translation>مؤهلة في %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="95"/>
        <source>Not eligible on %1:</source>
        <translation>غير مؤهلة في %1:</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="98"/>
        <source>Selection score: %1 / 100</source>
        <translation>نقطة الانتقاء: %1 / 100</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="84"/>
        <source>New coaching session (no. %1 of 12)</source>
        <translation>حصة مواكبة جديدة (رقم %1 من 12)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="85"/>
        <source>Plan actions reviewed: progress and comment</source>
        <translation>إجراءات المخطط التي تمت مراجعتها: نسبة الإنجاز والتعليق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Progress (%)</source>
        <translation>نسبة الإنجاز (%)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="87"/>
        <source>Record the session</source>
        <translation>تسجيل الحصة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="88"/>
        <source>A session you had started typing was kept.</source>
        <translation>تم الاحتفاظ بحصة كنت قد بدأت في كتابتها.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="89"/>
        <source>Restore it</source>
        <translation>استرجاعها</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="90"/>
        <source>Discard it</source>
        <translation>التخلي عنها</translation>
    </message>
</context>
<context>
    <name>SetAsideView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="41"/>
        <source>Set aside on</source>
        <translation>وضع جانبا في</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="42"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="43"/>
        <source>Fields</source>
        <translation>الحقول</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="43"/>
        <source>deletion</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="44"/>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="55"/>
        <source>The server could not apply it; it keeps it for the coordinator of the region.</source>
        <translation>لم يتمكن الخادم من تطبيقه؛ يحتفظ به لمنسق الجهة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="58"/>
        <source>This laptop could not send it: it holds a value the server cannot take.</source>
        <translation>لم يتمكن هذا الحاسوب من إرساله: يحتوي على قيمة لا يقبلها الخادم.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="61"/>
        <source>Changes set aside</source>
        <translation>تعديلات موضوعة جانبا</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="62"/>
        <source>These changes did not go through; the others did. What was typed stays on this laptop: check it with your coordinator.</source>
        <translation>لم تمر هذه التعديلات، ومرت البقية. يبقى ما أدخل على هذا الحاسوب: راجعه مع منسقك.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="9"/>
        <source>In the programme</source>
        <translation>في البرنامج</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="10"/>
        <source>Diagnosed</source>
        <translation>مشخصة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="11"/>
        <source>Development plan set</source>
        <translation>خطة التنمية محددة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="12"/>
        <source>Trained</source>
        <translation>مكونة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="13"/>
        <source>Coached</source>
        <translation>مواكبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="14"/>
        <source>Completed (12 sessions)</source>
        <translation>مكتملة (12 حصة)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="15"/>
        <source>Withdrawn</source>
        <translation>منسحبة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="16"/>
        <source>Financed</source>
        <translation>ممولة</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/page.py" line="70"/>
        <source>Connect this laptop…</source>
        <translation>ربط هذا الحاسوب…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/page.py" line="71"/>
        <source>Conflicts to resolve</source>
        <translation>تعارضات يجب حلها</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="69"/>
        <source>offline · %n change(s) waiting</source>
        <translation>
            <numerusform>غير متصل · لا توجد تعديلات في الانتظار</numerusform>
            <numerusform>غير متصل · تعديل واحد في الانتظار</numerusform>
            <numerusform>غير متصل · تعديلان في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديلات في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديلا في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديل في الانتظار</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="69"/>
        <source>Syncing…</source>
        <translation>جار المزامنة…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="73"/>
        <source>Sync error: %1</source>
        <translation>خطأ في المزامنة: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="75"/>
        <source>Not connected to a server · %n change(s) waiting</source>
        <translation>
            <numerusform>غير مرتبط بخادم · لا توجد تعديلات في الانتظار</numerusform>
            <numerusform>غير مرتبط بخادم · تعديل واحد في الانتظار</numerusform>
            <numerusform>غير مرتبط بخادم · تعديلان في الانتظار</numerusform>
            <numerusform>غير مرتبط بخادم · %n تعديلات في الانتظار</numerusform>
            <numerusform>غير مرتبط بخادم · %n تعديلا في الانتظار</numerusform>
            <numerusform>غير مرتبط بخادم · %n تعديل في الانتظار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="77"/>
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>غير متصل · لا توجد تعديلات في الانتظار</numerusform>
            <numerusform>غير متصل · تعديل واحد في الانتظار</numerusform>
            <numerusform>غير متصل · تعديلان في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديلات في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديلا في الانتظار</numerusform>
            <numerusform>غير متصل · %n تعديل في الانتظار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="79"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>لا توجد تعديلات في الانتظار</numerusform>
            <numerusform>تعديل واحد في الانتظار</numerusform>
            <numerusform>تعديلان في الانتظار</numerusform>
            <numerusform>%n تعديلات في الانتظار</numerusform>
            <numerusform>%n تعديلا في الانتظار</numerusform>
            <numerusform>%n تعديل في الانتظار</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="81"/>
        <source>Up to date at %1</source>
        <translation>محدث على الساعة %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="82"/>
        <source>Never synced</source>
        <translation>لم تتم المزامنة بعد</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="85"/>
        <source>Sync now</source>
        <translation>المزامنة الآن</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="111"/>
        <source>Syncing… %1 KB received</source>
        <translation>جار المزامنة… استقبل %1 ك.ب</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="112"/>
        <source>Syncing… %1 KB of %2 KB, about %3 s left</source>
        <translation>جار المزامنة… %1 ك.ب من %2 ك.ب، يتبقى حوالي %3 ث</translation>
    </message>
</context>
<context>
    <name>TeamTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="31"/>
        <source>Coach</source>
        <translation>المؤطر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="32"/>
        <source>Cooperatives</source>
        <translation>التعاونيات</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="33"/>
        <source>Sessions this month</source>
        <translation>حصص هذا الشهر</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="34"/>
        <source>Overdue</source>
        <translation>المتأخرة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="35"/>
        <source>Last sync</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="36"/>
        <source>Waiting at last sync</source>
        <translation>في الانتظار عند آخر مزامنة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="37"/>
        <source>App version</source>
        <translation>إصدار التطبيق</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="108"/>
        <source>Open the list of these cooperatives</source>
        <translation>فتح لائحة هذه التعاونيات</translation>
    </message>
</context>
<context>
    <name>TrainingsView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/trainings.py" line="71"/>
        <source>New training session</source>
        <translation>دورة تكوين جديدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/trainings.py" line="72"/>
        <source>Create the session</source>
        <translation>إنشاء الدورة</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="55"/>
        <source>Print the diagnostic sheet…</source>
        <translation>طباعة بطاقة التشخيص…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="56"/>
        <source>Print the development plan…</source>
        <translation>طباعة مخطط التنمية…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="57"/>
        <source>Print the diagnostic sheets of the list…</source>
        <translation>طباعة بطاقات التشخيص للائحة…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="58"/>
        <source>Export to Excel…</source>
        <translation>تصدير إلى إكسيل…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="59"/>
        <source>Back up the database…</source>
        <translation>حفظ نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="60"/>
        <source>About Murafaqa</source>
        <translation>حول مرافقة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="70"/>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="94"/>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="71"/>
        <source>Open a cooperative first: its sheet is what gets printed.</source>
        <translation>افتح تعاونية أولا: بطاقتها هي التي ستطبع.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="82"/>
        <source>Save the sheets as</source>
        <translation>حفظ البطاقات باسم</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="94"/>
        <source>The list is empty: nothing to print.</source>
        <translation>اللائحة فارغة: لا شيء للطباعة.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="107"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>مصنف إكسيل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="107"/>
        <source>CSV files in a new folder (*)</source>
        <translation>ملفات CSV في مجلد جديد (*)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="108"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="117"/>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="118"/>
        <source>The export was written to %1 (%2 rows).</source>
        <translation>تمت كتابة التصدير في %1 (%2 سطر).</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="127"/>
        <source>Back up the database</source>
        <translation>حفظ نسخة احتياطية من القاعدة</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="132"/>
        <source>Backup</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="133"/>
        <source>The backup was written to %1</source>
        <translation>تم حفظ النسخة الاحتياطية في %1</translation>
    </message>
</context>
</TS>
