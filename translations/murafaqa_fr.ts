<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_MA" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="86"/>
        <source>Something went wrong and the action was not done. The details were written to the log file:</source>
        <translation>Un problème est survenu et l&apos;action n&apos;a pas été faite. Le détail est dans le journal :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="98"/>
        <source>Murafaqa</source>
        <translation>Mourafaka</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/errors.py" line="102"/>
        <source>Copy the details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="13"/>
        <source>About Murafaqa</source>
        <translation>À propos de Mourafaka</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="14"/>
        <source>Murafaqa — coaching of new cooperatives</source>
        <translation>Mourafaka — accompagnement des coopératives nouvellement créées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="18"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="19"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="20"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/about.py" line="21"/>
        <source>Log file</source>
        <translation>Journal des erreurs</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="33"/>
        <source>Training session</source>
        <translation>Session de formation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="57"/>
        <source>Due</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="58"/>
        <source>Cooperative</source>
        <translation>Coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="59"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="61"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Overdue coaching sessions</source>
        <translation>Séances d&apos;accompagnement en retard</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Due this week</source>
        <translation>Prévues cette semaine</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="65"/>
        <source>Coming next (30 days)</source>
        <translation>À venir (30 jours)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/my_agenda.py" line="66"/>
        <source>Training sessions to come</source>
        <translation>Sessions de formation à venir</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="33"/>
        <source>New application</source>
        <translation>Nouvelle candidature</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="43"/>
        <source>Registration number:</source>
        <translation>N° d&apos;immatriculation :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="44"/>
        <source>Received on:</source>
        <translation>Reçue le :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/application_dialog.py" line="48"/>
        <source>Documents in the file:</source>
        <translation>Pièces du dossier :</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="30"/>
        <source>Registration no.</source>
        <translation>N° d&apos;immatriculation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="31"/>
        <source>Cooperative</source>
        <translation>Coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="32"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="33"/>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="34"/>
        <source>Complete</source>
        <translation>Dossier complet</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="35"/>
        <source>Eligible</source>
        <translation>Éligible</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="36"/>
        <source>Rated</source>
        <translation>Notée</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="37"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="38"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="39"/>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="40"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="45"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="47"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="48"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="54"/>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="56"/>
        <source>proposed</source>
        <translation>proposée</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/applications_table_model.py" line="58"/>
        <source>waiting %1</source>
        <translation>attente n° %1</translation>
    </message>
</context>
<context>
    <name>AttendanceSheet</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="111"/>
        <source>Type the name, Tab to the next box, Enter to save the participant.</source>
        <translation>Saisissez le nom, Tab pour la case suivante, Entrée pour enregistrer le participant.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="115"/>
        <source>Choose a training session to enter its attendance.</source>
        <translation>Choisissez une session pour saisir les présences.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/attendance.py" line="154"/>
        <source>%1 participants, of whom %2 women</source>
        <translation>%1 participants, dont %2 femmes</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="28"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="29"/>
        <source>Preparing %n document(s)…</source>
        <translation>
            <numerusform>Préparation de %n document…</numerusform>
            <numerusform>Préparation de %n documents…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/batch.py" line="34"/>
        <source>%1 of %2 documents</source>
        <translation>%1 sur %2 documents</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="67"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="68"/>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="69"/>
        <source>Complete</source>
        <translation>Complètes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="70"/>
        <source>Eligible</source>
        <translation>Éligibles</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="71"/>
        <source>Rated</source>
        <translation>Notées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="72"/>
        <source>Retained / places</source>
        <translation>Retenues / places</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="175"/>
        <source>← Calls</source>
        <translation>← Appels</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="176"/>
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="177"/>
        <source>Ranking</source>
        <translation>Classement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="178"/>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="182"/>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="178"/>
        <source>Complete:</source>
        <translation>Complet :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="179"/>
        <source>Eligible:</source>
        <translation>Éligible :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="179"/>
        <source>Rated:</source>
        <translation>Notée :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="180"/>
        <source>Decision:</source>
        <translation>Décision :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="184"/>
        <source>The line across the ranking marks the places: above it the proposed applications, below it the waiting list in order. Equal scores share a rank; the order among them is the share of women and young people, then the earlier received date, then the registration number.</source>
        <translation>La ligne en travers du classement marque les places : au-dessus les candidatures proposées, en dessous la liste d&apos;attente dans l&apos;ordre. À score égal, le rang est partagé ; l&apos;ordre est alors donné par la part des femmes et des jeunes, puis la date de réception la plus ancienne, puis le numéro d&apos;immatriculation.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="187"/>
        <source>Decide…</source>
        <translation>Décider…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="188"/>
        <source>New application…</source>
        <translation>Nouvelle candidature…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="189"/>
        <source>Export the rating grid…</source>
        <translation>Exporter la grille de notation…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="190"/>
        <source>Import the rating grid…</source>
        <translation>Importer la grille de notation…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="191"/>
        <source>Print the ranking</source>
        <translation>Imprimer le classement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="192"/>
        <source>Print the minutes</source>
        <translation>Imprimer le procès-verbal</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="193"/>
        <source>Print the letters</source>
        <translation>Imprimer les lettres</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="202"/>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="207"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="210"/>
        <source>not decided</source>
        <translation>sans décision</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="235"/>
        <source>Call of tranche %1, phase %2</source>
        <translation>Appel de la tranche %1, phase %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="240"/>
        <source>Tranche %1, phase %2 · closes %3 · eligibility judged on %4</source>
        <translation>Tranche %1, phase %2 · clôture le %3 · éligibilité appréciée au %4</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="243"/>
        <source>%1 of %2 applications shown</source>
        <translation>%1 candidature(s) affichée(s) sur %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="293"/>
        <source>Only a coordinator or an administrator decides.</source>
        <translation>Seul un coordinateur ou un administrateur décide.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="370"/>
        <source>Export the rating grid</source>
        <translation>Exporter la grille de notation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="372"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="388"/>
        <source>%n application(s) written to the grid %1</source>
        <translation>
            <numerusform>%n candidature écrite dans la grille %1</numerusform>
            <numerusform>%n candidatures écrites dans la grille %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="395"/>
        <source>Import the rating grid</source>
        <translation>Importer la grille de notation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="396"/>
        <source>Rating grids (*.xlsx *.csv)</source>
        <translation>Grilles de notation (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/selection/call_page.py" line="411"/>
        <source>Grid imported: %n application(s) changed</source>
        <translation>
            <numerusform>Grille importée : %n candidature modifiée</numerusform>
            <numerusform>Grille importée : %n candidatures modifiées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsList</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="49"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="50"/>
        <source>Tranche / phase</source>
        <translation>Tranche / phase</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="51"/>
        <source>Opens</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="52"/>
        <source>Closes</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="53"/>
        <source>Eligibility judged on</source>
        <translation>Éligibilité appréciée au</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="54"/>
        <source>Applications</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="55"/>
        <source>Regions and places</source>
        <translation>Régions et places</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="71"/>
        <source>Calls for applications</source>
        <translation>Appels à manifestation d&apos;intérêt</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="72"/>
        <source>New call…</source>
        <translation>Nouvel appel…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="73"/>
        <source>Open the call</source>
        <translation>Ouvrir l&apos;appel</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/calls_list.py" line="74"/>
        <source>No call yet: a coordinator creates one with “New call…”.</source>
        <translation>Aucun appel pour l&apos;instant : un coordinateur en crée un avec « Nouvel appel… ».</translation>
    </message>
</context>
<context>
    <name>CoachingTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="96"/>
        <source>Two-year window: %1 → %2</source>
        <translation>Fenêtre de deux ans : %1 → %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="99"/>
        <source>Coaching has not started yet.</source>
        <translation>L&apos;accompagnement n&apos;a pas encore commencé.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="101"/>
        <source>Overdue by %1 days (due %2)</source>
        <translation>En retard de %1 jours (prévue le %2)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="106"/>
        <source>next session due %1</source>
        <translation>prochaine séance prévue le %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="110"/>
        <source>%1 sessions of 12 done</source>
        <translation>%1 séances sur 12 réalisées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/coaching_tab.py" line="114"/>
        <source>All 12 sessions are recorded: the programme plans no 13th session.</source>
        <translation>Les 12 séances sont enregistrées : le programme ne prévoit pas de 13e séance.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="80"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="80"/>
        <source>Record and field</source>
        <translation>Fiche et champ</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="81"/>
        <source>Server value</source>
        <translation>Valeur du serveur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="81"/>
        <source>This laptop&apos;s value</source>
        <translation>Valeur de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="82"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="83"/>
        <source>Two people changed the same thing. The server kept its value; choose the right one or type it.</source>
        <translation>Deux personnes ont modifié la même chose. Le serveur a gardé sa valeur ; choisissez la bonne ou saisissez-la.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="85"/>
        <source>Keep the server&apos;s value</source>
        <translation>Garder la valeur du serveur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="86"/>
        <source>Take this laptop&apos;s value</source>
        <translation>Prendre la valeur de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="87"/>
        <source>Another value</source>
        <translation>Une autre valeur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/conflicts.py" line="88"/>
        <source>Use this value</source>
        <translation>Utiliser cette valeur</translation>
    </message>
</context>
<context>
    <name>CooperativeList</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="104"/>
        <source>Search by name, registration number, president, commune…</source>
        <translation>Rechercher par nom, n° d&apos;immatriculation, président(e), commune…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="105"/>
        <source>New cooperative</source>
        <translation>Nouvelle coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="106"/>
        <source>Overdue coaching only</source>
        <translation>Accompagnement en retard seulement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="107"/>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="123"/>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="108"/>
        <source>All tranches</source>
        <translation>Toutes les tranches</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="109"/>
        <source>Tranche %1</source>
        <translation>Tranche %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="110"/>
        <source>Every status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="112"/>
        <source>Eligible or not</source>
        <translation>Éligible ou non</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="113"/>
        <source>Eligible today</source>
        <translation>Éligible aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="113"/>
        <source>Not eligible today</source>
        <translation>Non éligible aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="114"/>
        <source>Show every cooperative</source>
        <translation>Afficher toutes les coopératives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="190"/>
        <source>Also filtered on: %1</source>
        <translation>Filtrée aussi sur : %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="199"/>
        <source>phase %1</source>
        <translation>phase %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="201"/>
        <source>coach %1</source>
        <translation>accompagnateur %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="216"/>
        <source>%n cooperative(s)</source>
        <translation>
            <numerusform>%n coopérative</numerusform>
            <numerusform>%n coopératives</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/list_view.py" line="218"/>
        <source>%1 loaded</source>
        <translation>%1 chargées</translation>
    </message>
</context>
<context>
    <name>CooperativeRecord</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Profile</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Eligibility &amp;&amp; selection</source>
        <translation>Éligibilité &amp;&amp; sélection</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="103"/>
        <source>Strategic diagnosis</source>
        <translation>Diagnostic stratégique</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Development plan</source>
        <translation>Plan de développement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Coaching</source>
        <translation>Accompagnement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="104"/>
        <source>Trainings attended</source>
        <translation>Formations suivies</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="105"/>
        <source>Financing</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="105"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="108"/>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="109"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="114"/>
        <source>New cooperative</source>
        <translation>Nouvelle coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="115"/>
        <source>Fields marked * are required.</source>
        <translation>Les champs marqués * sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="182"/>
        <source>Unsaved changes from an earlier session were restored.</source>
        <translation>Des modifications non enregistrées d&apos;une session précédente ont été rétablies.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/page.py" line="202"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>CooperativeTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="62"/>
        <source>Registration no.</source>
        <translation>N° d&apos;immat.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="66"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="63"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="64"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="65"/>
        <source>Tranche</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="67"/>
        <source>Coach</source>
        <translation>Accompagnateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="68"/>
        <source>Eligible</source>
        <translation>Éligible</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="69"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="70"/>
        <source>Next session</source>
        <translation>Prochaine séance</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="279"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/cooperatives/table_model.py" line="280"/>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="59"/>
        <source>Never synced; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>Jamais synchronisé ; %n modification de cet ordinateur pas encore envoyée</numerusform>
            <numerusform>Jamais synchronisé ; %n modifications de cet ordinateur pas encore envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="67"/>
        <source>As of the last sync at %1; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>Selon la dernière synchronisation à %1 ; %n modification de cet ordinateur pas encore envoyée</numerusform>
            <numerusform>Selon la dernière synchronisation à %1 ; %n modifications de cet ordinateur pas encore envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="71"/>
        <source>As of the last sync on %1 at %2; %n change(s) of this laptop not yet sent</source>
        <translation>
            <numerusform>Selon la dernière synchronisation du %1 à %2 ; %n modification de cet ordinateur pas encore envoyée</numerusform>
            <numerusform>Selon la dernière synchronisation du %1 à %2 ; %n modifications de cet ordinateur pas encore envoyées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/tiles.py" line="60"/>
        <source>Open the list of these cooperatives</source>
        <translation>Ouvrir la liste de ces coopératives</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="215"/>
        <source>target: %1</source>
        <translation>objectif : %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="218"/>
        <source>Coaching sessions held</source>
        <translation>Séances d&apos;accompagnement tenues</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="219"/>
        <source>%1 due by today</source>
        <translation>%1 dues à ce jour</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="220"/>
        <source>Held on time</source>
        <translation>Tenues à temps</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="221"/>
        <source>%1 of %2 sessions</source>
        <translation>%1 séances sur %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="223"/>
        <source>the oldest due on %1</source>
        <translation>la plus ancienne due le %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="225"/>
        <source>Cooperatives overdue now</source>
        <translation>Coopératives en retard</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="234"/>
        <source>sessions · %1 participants</source>
        <translation>séances · %1 participants</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="235"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="236"/>
        <source>Women</source>
        <translation>Femmes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="237"/>
        <source>Young people</source>
        <translation>Jeunes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="248"/>
        <source>Tranche %1</source>
        <translation>Tranche %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="250"/>
        <source>%1, phase %2</source>
        <translation>%1, phase %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>Tranche</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="253"/>
        <source>In the database</source>
        <translation>Dans la base</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Diagnoses planned</source>
        <translation>Diagnostics prévus</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Diagnosed</source>
        <translation>Diagnostiquées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="254"/>
        <source>Financing planned</source>
        <translation>Financements prévus</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="255"/>
        <source>Financed</source>
        <translation>Financées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="287"/>
        <source>Cooperatives</source>
        <translation>Coopératives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Coached</source>
        <translation>Accompagnées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Completed</source>
        <translation>Achevées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="259"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="270"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="275"/>
        <source>Cooperatives per region</source>
        <translation>Coopératives par région</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="282"/>
        <source>Coaching sessions per month</source>
        <translation>Séances d&apos;accompagnement par mois</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="283"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="287"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="308"/>
        <source>Pipeline</source>
        <translation>Parcours du programme</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="309"/>
        <source>Coaching</source>
        <translation>Accompagnement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="310"/>
        <source>Collective training</source>
        <translation>Formation collective</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="311"/>
        <source>Against the programme&apos;s plan</source>
        <translation>Par rapport aux prévisions du programme</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="312"/>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/page.py" line="313"/>
        <source>The team</source>
        <translation>L&apos;équipe</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="34"/>
        <source>Committee decision</source>
        <translation>Décision du comité</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="50"/>
        <source>Proposal:</source>
        <translation>Proposition :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="51"/>
        <source>Decision:</source>
        <translation>Décision :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="52"/>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="63"/>
        <source>rank %1, </source>
        <translation>rang %1, </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="64"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="74"/>
        <source>A written reason is required for this decision.</source>
        <translation>Un motif écrit est nécessaire pour cette décision.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/decision_dialog.py" line="75"/>
        <source>A reason may be written; it is not required.</source>
        <translation>Un motif peut être écrit ; il n&apos;est pas obligatoire.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="32"/>
        <source>Connect this laptop to the server</source>
        <translation>Relier cet ordinateur au serveur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="44"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="45"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="46"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/enrol.py" line="58"/>
        <source>Fill in the server, the user and the password.</source>
        <translation>Indiquez le serveur, l&apos;utilisateur et le mot de passe.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="72"/>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="73"/>
        <source>Preparing the export…</source>
        <translation>Préparation de l&apos;exportation…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/export_dialog.py" line="77"/>
        <source>Sheet %1 of %2: %3 — %4 rows written</source>
        <translation>Feuille %1 sur %2 : %3 — %4 lignes écrites</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="25"/>
        <source>Welcome to Murafaqa</source>
        <translation>Bienvenue dans Mourafaka</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="26"/>
        <source>This laptop has no data yet. Tell us who you are; you can also load a demonstration programme to try the software.</source>
        <translation>Cet ordinateur ne contient encore aucune donnée. Indiquez qui vous êtes ; vous pouvez aussi charger un programme de démonstration pour essayer le logiciel.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="33"/>
        <source>Load the demonstration programme (2,000 cooperatives)</source>
        <translation>Charger le programme de démonstration (2 000 coopératives)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="35"/>
        <source>Coach name</source>
        <translation>Nom de l&apos;accompagnateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/first_start.py" line="36"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="174"/>
        <source>Asking the server…</source>
        <translation>Interrogation du serveur…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="176"/>
        <source>This laptop is not enrolled with a server: only its own changes not yet sent are shown.</source>
        <translation>Ce poste n&apos;est inscrit auprès d&apos;aucun serveur : seules ses propres modifications pas encore envoyées sont affichées.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="179"/>
        <source>The server&apos;s history has never been fetched on this laptop.</source>
        <translation>L&apos;historique du serveur n&apos;a jamais été récupéré sur ce poste.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="181"/>
        <source>The server cannot be asked now: the history below is as fetched on %1.</source>
        <translation>Le serveur est injoignable pour l&apos;instant : l&apos;historique ci-dessous est celui récupéré le %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="184"/>
        <source>History fetched from the server on %1.</source>
        <translation>Historique récupéré du serveur le %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="191"/>
        <source>Changes of this laptop not yet sent: %1 (shown first, tinted).</source>
        <translation>Modifications de ce poste pas encore envoyées : %1 (en tête, sur fond coloré).</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_tab.py" line="194"/>
        <source>Fetch again</source>
        <translation>Récupérer à nouveau</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="46"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="47"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="55"/>
        <source>this laptop</source>
        <translation>ce poste</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="56"/>
        <source>%1 (not yet sent)</source>
        <translation>%1 (pas encore envoyé)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="60"/>
        <source>%1 deleted</source>
        <translation>%1 supprimé(e)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/history_table_model.py" line="74"/>
        <source>Saved on this laptop, not yet accepted by the server: it will be sent at the next sync.</source>
        <translation>Enregistré sur ce poste, pas encore accepté par le serveur : il partira à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="155"/>
        <source>Murafaqa is locked</source>
        <translation>Murafaqa est verrouillé</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="156"/>
        <source>The cooperatives&apos; data on this laptop is encrypted. Type your passphrase to open it.</source>
        <translation>Les données des coopératives sur ce portable sont chiffrées. Tapez votre phrase secrète pour les ouvrir.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="158"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="204"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="160"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="162"/>
        <source>Forgotten passphrase…</source>
        <translation>Phrase secrète oubliée…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="172"/>
        <source>Encrypting the data…</source>
        <translation>Chiffrement des données…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="173"/>
        <source>The data on this laptop is being encrypted. Keep Murafaqa open until it is done: this takes from a few seconds to a few minutes, and an interruption loses nothing.</source>
        <translation>Les données de ce poste sont en cours de chiffrement. Gardez Murafaqa ouvert jusqu&apos;à la fin : cela prend de quelques secondes à quelques minutes, et une interruption ne fait rien perdre.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="184"/>
        <source>Forgotten passphrase</source>
        <translation>Phrase secrète oubliée</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="185"/>
        <source>Type the recovery key printed when this laptop was set up, or the one-time recovery code your administrator gives you. You will then choose a new passphrase.</source>
        <translation>Tapez la clé de secours imprimée à l&apos;installation de ce portable, ou le code de récupération à usage unique que vous donne votre administrateur. Vous choisirez ensuite une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="188"/>
        <source>Recovery key or recovery code</source>
        <translation>Clé de secours ou code de récupération</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="190"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="276"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="191"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="199"/>
        <source>Choose a passphrase</source>
        <translation>Choisissez une phrase secrète</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="200"/>
        <source>At least 10 characters. A sentence you remember is best; it cannot be recovered without the recovery key.</source>
        <translation>Au moins 10 caractères. Une phrase dont vous vous souvenez est le mieux ; elle ne peut pas être retrouvée sans la clé de secours.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="206"/>
        <source>The same passphrase again</source>
        <translation>La même phrase secrète, encore une fois</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="208"/>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="277"/>
        <source>Encrypt and continue</source>
        <translation>Chiffrer et continuer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="209"/>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="219"/>
        <source>Your recovery key</source>
        <translation>Votre clé de secours</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="220"/>
        <source>Write this key down or print it, and keep it away from the laptop (the coordinator can keep it). It opens the data if the passphrase is forgotten. It is shown only now.</source>
        <translation>Notez cette clé ou imprimez-la, et gardez-la loin du portable (le coordinateur peut la garder). Elle ouvre les données si la phrase secrète est oubliée. Elle n&apos;est montrée que maintenant.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="231"/>
        <source>Save the sheet to print (PDF)…</source>
        <translation>Enregistrer la feuille à imprimer (PDF)…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="232"/>
        <source>I have kept it: continue</source>
        <translation>Je l&apos;ai gardée : continuer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="270"/>
        <source>The cooperatives&apos; data on this laptop will be encrypted: choose the passphrase that opens it. You will type it each time Murafaqa starts or locks.</source>
        <translation>Les données des coopératives sur ce portable seront chiffrées : choisissez la phrase secrète qui les ouvre. Vous la taperez à chaque démarrage ou verrouillage de Murafaqa.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="272"/>
        <source>The data on this laptop was kept in clear by an earlier version. Choose a passphrase to encrypt it now: a lost laptop then leaks nothing.</source>
        <translation>Une version précédente gardait les données de ce portable en clair. Choisissez une phrase secrète pour les chiffrer maintenant : un portable perdu ne laissera alors rien fuir.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="274"/>
        <source>The data is open again. Choose a new passphrase.</source>
        <translation>Les données sont de nouveau ouvertes. Choisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="341"/>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Les deux phrases diffèrent : tapez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/lock/screen.py" line="399"/>
        <source>Recovery key sheet</source>
        <translation>Feuille de la clé de secours</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="372"/>
        <source>Murafaqa — coaching of cooperatives</source>
        <translation>Mourafaka — accompagnement des coopératives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="140"/>
        <source>Cooperatives</source>
        <translation>Coopératives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="139"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="141"/>
        <source>My agenda</source>
        <translation>Mon agenda</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="142"/>
        <source>Collective trainings</source>
        <translation>Formations collectives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="144"/>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="145"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="375"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="376"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="377"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="379"/>
        <source>New cooperative</source>
        <translation>Nouvelle coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="380"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="381"/>
        <source>Find a cooperative</source>
        <translation>Rechercher une coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="382"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="197"/>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="385"/>
        <source>working…</source>
        <translation>travail en cours…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="499"/>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="504"/>
        <source>Loading the demonstration programme…</source>
        <translation>Chargement du programme de démonstration…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="499"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="508"/>
        <source>Cancelling the demonstration load…</source>
        <translation>Annulation du chargement de la démonstration…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="528"/>
        <source>The demonstration load was cancelled: nothing of it was kept.</source>
        <translation>Chargement de la démonstration annulé : rien n&apos;en a été conservé.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="629"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/main_window.py" line="630"/>
        <source>This form has changes that are not saved. Save them before closing?</source>
        <translation>Ce formulaire contient des modifications non enregistrées. Les enregistrer avant de fermer ?</translation>
    </message>
</context>
<context>
    <name>NewCallForm</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="85"/>
        <source>New call for applications</source>
        <translation>Nouvel appel à manifestation d&apos;intérêt</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="86"/>
        <source>Places per region (0: the call does not cover the region)</source>
        <translation>Places par région (0 : l&apos;appel ne couvre pas la région)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="90"/>
        <source>Create the call</source>
        <translation>Créer l&apos;appel</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/call_form.py" line="91"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="44"/>
        <source>Changed on</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="45"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="46"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="46"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="47"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n champ</numerusform>
            <numerusform>%n champs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="48"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/outbox.py" line="60"/>
        <source>Changes are kept on this laptop and will be sent to the programme&apos;s server at the next synchronisation.</source>
        <translation>Les modifications sont conservées sur cet ordinateur et seront envoyées au serveur du programme à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="55"/>
        <source>Add an action</source>
        <translation>Ajouter une action</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="56"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="57"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="58"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="59"/>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="100"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/plan_tab.py" line="100"/>
        <source>Remove this action from the plan?</source>
        <translation>Supprimer cette action du plan ?</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="64"/>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="72"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="73"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="74"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="81"/>
        <source>Document language:</source>
        <translation>Langue du document :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="123"/>
        <source>Preparing the document…</source>
        <translation>Préparation du document…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="138"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="158"/>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="165"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/printing/preview.py" line="159"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="57"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/background.py" line="152"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="62"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="25"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="26"/>
        <source>Registration no.</source>
        <translation>N° d&apos;immatriculation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="27"/>
        <source>Cooperative</source>
        <translation>Coopérative</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="28"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="29"/>
        <source>Women + youth</source>
        <translation>Femmes + jeunes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="30"/>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="31"/>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/ranking_table_model.py" line="32"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="95"/>
        <source>Documents of the file</source>
        <translation>Pièces du dossier</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="96"/>
        <source>The six criteria: rating, evidence, document in the file</source>
        <translation>Les six critères : note, justificatif, pièce au dossier</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="108"/>
        <source>Evidence</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="109"/>
        <source>document</source>
        <translation>pièce</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="110"/>
        <source>Save the file and its ratings</source>
        <translation>Enregistrer le dossier et ses notes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="112"/>
        <location filename="../src/murafaqa_desktop/ui/selection/rating_panel.py" line="121"/>
        <source>Choose an application to rate it.</source>
        <translation>Choisissez une candidature pour la noter.</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="118"/>
        <source>Save the diagnosis</source>
        <translation>Enregistrer le diagnostic</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="119"/>
        <source>Assess a section</source>
        <translation>Apprécier un volet</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="120"/>
        <source>Add a need</source>
        <translation>Ajouter un besoin</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="121"/>
        <source>Edit the need</source>
        <translation>Modifier le besoin</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="122"/>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="182"/>
        <source>Remove the need</source>
        <translation>Supprimer le besoin</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="183"/>
        <source>Remove this need from the diagnosis?</source>
        <translation>Supprimer ce besoin du diagnostic ?</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="316"/>
        <source>New financing application</source>
        <translation>Nouvelle demande de financement</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="317"/>
        <source>Record the application</source>
        <translation>Enregistrer la demande</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/tabs.py" line="318"/>
        <source>No financing application yet.</source>
        <translation>Aucune demande de financement pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>RevokedLaptop</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/revoked.py" line="59"/>
        <source>This laptop was revoked</source>
        <translation>Ce poste a été révoqué</translation>
    </message>
</context>
<context>
    <name>ScopeBar</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="41"/>
        <source>Scope:</source>
        <translation>Périmètre :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="43"/>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="48"/>
        <source>Tranche %1</source>
        <translation>Tranche %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="51"/>
        <source>%1, phase %2</source>
        <translation>%1, phase %2</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="53"/>
        <source>All tranches</source>
        <translation>Toutes les tranches</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="54"/>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="70"/>
        <source>All coaches</source>
        <translation>Tous les accompagnateurs</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/scope_bar.py" line="59"/>
        <source>All provinces</source>
        <translation>Toutes les provinces</translation>
    </message>
</context>
<context>
    <name>SelectionTab</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="71"/>
        <source>Evidence</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="72"/>
        <source>Save the ratings</source>
        <translation>Enregistrer les notes</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="91"/>
        <source>Eligible on %1.</source>
        <translation>Éligible au %1.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="95"/>
        <source>Not eligible on %1:</source>
        <translation>Non éligible au %1 :</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/selection_tab.py" line="98"/>
        <source>Selection score: %1 / 100</source>
        <translation>Score de sélection : %1 / 100</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="84"/>
        <source>New coaching session (no. %1 of 12)</source>
        <translation>Nouvelle séance d&apos;accompagnement (n° %1 sur 12)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="85"/>
        <source>Plan actions reviewed: progress and comment</source>
        <translation>Actions du plan revues : avancement et commentaire</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Progress (%)</source>
        <translation>Avancement (%)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="86"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="87"/>
        <source>Record the session</source>
        <translation>Enregistrer la séance</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="88"/>
        <source>A session you had started typing was kept.</source>
        <translation>Une séance que vous aviez commencé à saisir a été conservée.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="89"/>
        <source>Restore it</source>
        <translation>La reprendre</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/record/session_form.py" line="90"/>
        <source>Discard it</source>
        <translation>L&apos;abandonner</translation>
    </message>
</context>
<context>
    <name>SetAsideView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="41"/>
        <source>Set aside on</source>
        <translation>Mise de côté le</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="42"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="43"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="43"/>
        <source>deletion</source>
        <translation>suppression</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="44"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="55"/>
        <source>The server could not apply it; it keeps it for the coordinator of the region.</source>
        <translation>Le serveur n&apos;a pas pu l&apos;appliquer ; il la garde pour le coordinateur de la région.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="58"/>
        <source>This laptop could not send it: it holds a value the server cannot take.</source>
        <translation>Ce poste n&apos;a pas pu l&apos;envoyer : elle contient une valeur que le serveur ne peut pas prendre.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="61"/>
        <source>Changes set aside</source>
        <translation>Modifications mises de côté</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/set_aside.py" line="62"/>
        <source>These changes did not go through; the others did. What was typed stays on this laptop: check it with your coordinator.</source>
        <translation>Ces modifications ne sont pas passées ; les autres, si. Ce qui a été saisi reste sur ce poste : voyez-le avec votre coordinateur.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="9"/>
        <source>In the programme</source>
        <translation>Dans le programme</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="10"/>
        <source>Diagnosed</source>
        <translation>Diagnostiquées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="11"/>
        <source>Development plan set</source>
        <translation>Plan de développement établi</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="12"/>
        <source>Trained</source>
        <translation>Formées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="13"/>
        <source>Coached</source>
        <translation>Accompagnées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="14"/>
        <source>Completed (12 sessions)</source>
        <translation>Achevées (12 séances)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="15"/>
        <source>Withdrawn</source>
        <translation>Retirées</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/kit/stages.py" line="16"/>
        <source>Financed</source>
        <translation>Financées</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/page.py" line="70"/>
        <source>Connect this laptop…</source>
        <translation>Connecter cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/page.py" line="71"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/kit/i18n.py" line="69"/>
        <source>offline · %n change(s) waiting</source>
        <translation>
            <numerusform>hors ligne · %n modification en attente</numerusform>
            <numerusform>hors ligne · %n modifications en attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="69"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="73"/>
        <source>Sync error: %1</source>
        <translation>Erreur de synchronisation : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="75"/>
        <source>Not connected to a server · %n change(s) waiting</source>
        <translation>
            <numerusform>Non relié à un serveur · %n modification en attente</numerusform>
            <numerusform>Non relié à un serveur · %n modifications en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="77"/>
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Hors ligne · %n modification en attente</numerusform>
            <numerusform>Hors ligne · %n modifications en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="79"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="81"/>
        <source>Up to date at %1</source>
        <translation>À jour à %1</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="82"/>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="85"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="111"/>
        <source>Syncing… %1 KB received</source>
        <translation>Synchronisation… %1 Ko reçus</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/sync/status.py" line="112"/>
        <source>Syncing… %1 KB of %2 KB, about %3 s left</source>
        <translation>Synchronisation… %1 Ko sur %2 Ko, environ %3 s restantes</translation>
    </message>
</context>
<context>
    <name>TeamTableModel</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="31"/>
        <source>Coach</source>
        <translation>Accompagnateur</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="32"/>
        <source>Cooperatives</source>
        <translation>Coopératives</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="33"/>
        <source>Sessions this month</source>
        <translation>Séances ce mois</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="34"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="35"/>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="36"/>
        <source>Waiting at last sync</source>
        <translation>En attente à la dernière synchro</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="37"/>
        <source>App version</source>
        <translation>Version de l&apos;application</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/dashboard/team_model.py" line="108"/>
        <source>Open the list of these cooperatives</source>
        <translation>Ouvrir la liste de ces coopératives</translation>
    </message>
</context>
<context>
    <name>TrainingsView</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/trainings.py" line="71"/>
        <source>New training session</source>
        <translation>Nouvelle session de formation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/agenda/trainings.py" line="72"/>
        <source>Create the session</source>
        <translation>Créer la session</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="55"/>
        <source>Print the diagnostic sheet…</source>
        <translation>Imprimer la fiche de diagnostic…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="56"/>
        <source>Print the development plan…</source>
        <translation>Imprimer le plan de développement…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="57"/>
        <source>Print the diagnostic sheets of the list…</source>
        <translation>Imprimer les fiches de diagnostic de la liste…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="58"/>
        <source>Export to Excel…</source>
        <translation>Exporter vers Excel…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="59"/>
        <source>Back up the database…</source>
        <translation>Sauvegarder la base…</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="60"/>
        <source>About Murafaqa</source>
        <translation>À propos de Mourafaka</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="70"/>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="94"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="71"/>
        <source>Open a cooperative first: its sheet is what gets printed.</source>
        <translation>Ouvrez d&apos;abord une coopérative : c&apos;est sa fiche qui sera imprimée.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="82"/>
        <source>Save the sheets as</source>
        <translation>Enregistrer les fiches sous</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="94"/>
        <source>The list is empty: nothing to print.</source>
        <translation>La liste est vide : rien à imprimer.</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="107"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="107"/>
        <source>CSV files in a new folder (*)</source>
        <translation>Fichiers CSV dans un nouveau dossier (*)</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="108"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="117"/>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="118"/>
        <source>The export was written to %1 (%2 rows).</source>
        <translation>L&apos;exportation a été écrite dans %1 (%2 lignes).</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="127"/>
        <source>Back up the database</source>
        <translation>Sauvegarder la base</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="132"/>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location filename="../src/murafaqa_desktop/ui/actions.py" line="133"/>
        <source>The backup was written to %1</source>
        <translation>La sauvegarde a été écrite dans %1</translation>
    </message>
</context>
</TS>
