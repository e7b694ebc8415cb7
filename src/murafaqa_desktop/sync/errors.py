"""One sync error with a ``kind`` the interface maps to a message in one place.

Every message says what is wrong and what to do, in French and in Arabic.
"""
from __future__ import annotations

from ..domain.errors import DomainError

NETWORK, AUTH, FORBIDDEN, UPDATE, SERVER, REFUSED, BAD_REQUEST, DISK_FULL = (
    "network", "auth", "forbidden", "update", "server", "refused", "bad_request", "disk_full")
# The administrator revoked this laptop (lost or stolen): its data is erased.
REVOKED = "revoked"
# Too many failed sign-ins: the server asks to wait.
THROTTLED = "throttled"
# A server address the laptop will not send a password or a token to.
INSECURE = "insecure"


class SyncError(DomainError):
    """A sync that could not run or finish; nothing local was lost."""

    kind = "sync"

    def __init__(self, kind: str, fr: str, ar: str, detail: str = "") -> None:
        super().__init__(f"sync_{kind}", fr, ar)
        self.kind = kind
        self.detail = detail
        # A network failure of a link that was carrying the request (not one
        # that could not be opened): worth sending again at once.
        self.cut = False


def network(detail: str) -> SyncError:
    return SyncError(NETWORK, "Serveur injoignable : vos modifications restent sur ce poste et partiront "
                              "à la prochaine synchronisation.",
                     "تعذر الوصول إلى الخادم: تبقى تعديلاتك على هذا الحاسوب وسترسل في المزامنة القادمة.", detail)


def auth(detail: str) -> SyncError:
    return SyncError(AUTH, f"Accès refusé par le serveur ({detail}) : reconnectez ce poste (inscription) "
                           "ou demandez à l'administrateur.",
                     f"رفض الخادم الدخول ({detail}): أعد تسجيل هذا الحاسوب أو اتصل بالمسؤول.", detail)


def expired(detail: str) -> SyncError:
    return SyncError(AUTH, "Ce poste n'a pas synchronisé depuis trop longtemps : reconnectez-le (inscription) "
                           "avec votre mot de passe. Vos modifications restent sur ce poste.",
                     "لم يزامن هذا الحاسوب منذ مدة طويلة: أعد تسجيله بكلمة المرور. تبقى تعديلاتك على هذا الحاسوب.",
                     detail)


def revoked(detail: str) -> SyncError:
    return SyncError(REVOKED, "L'administrateur a révoqué ce poste (perdu ou volé) : ses données et ses "
                              "sauvegardes sont effacées de ce poste. Demandez à l'administrateur une "
                              "nouvelle inscription.",
                     "ألغى المسؤول صلاحية هذا الحاسوب (ضائع أو مسروق): محيت بياناته ونسخه الاحتياطية من هذا "
                     "الحاسوب. اطلب من المسؤول تسجيلا جديدا.", detail)


def throttled(detail: str, wait: str) -> SyncError:
    return SyncError(THROTTLED, f"Trop d'essais de connexion manqués : réessayez dans {wait} seconde(s).",
                     f"محاولات دخول فاشلة كثيرة: أعد المحاولة بعد {wait} ثانية.", detail)


def insecure(url: str) -> SyncError:
    return SyncError(INSECURE, f"Adresse refusée : {url} n'est pas chiffrée. Le mot de passe et le jeton de ce "
                               "poste ne partent que vers une adresse https:// (ou vers ce poste lui-même).",
                     f"عنوان مرفوض: {url} غير مشفر. لا ترسل كلمة المرور ورمز هذا الحاسوب إلا إلى عنوان https:// "
                     "(أو إلى هذا الحاسوب نفسه).", url)


def update_required(detail: str) -> SyncError:
    return SyncError(UPDATE, "Mettez à jour l'application : le serveur utilise une version plus récente. "
                             "Rien n'a été perdu.",
                     "يرجى تحديث التطبيق: الخادم يستعمل نسخة أحدث. لم يضع أي شيء.", detail)


def server(status: int, detail: str) -> SyncError:
    return SyncError(SERVER, f"Le serveur a répondu par une erreur ({status}) : réessayez plus tard ; "
                             "vos modifications restent sur ce poste.",
                     f"أجاب الخادم بخطأ ({status}): أعد المحاولة لاحقا؛ تبقى تعديلاتك على هذا الحاسوب.", detail)


def demo_database() -> SyncError:
    return SyncError(REFUSED, "Base de démonstration : elle n'est jamais envoyée au serveur. "
                              "Ouvrez votre propre base pour synchroniser.",
                     "قاعدة بيانات العرض لا ترسل أبدا إلى الخادم. افتح قاعدتك الخاصة للمزامنة.")


def not_enrolled() -> SyncError:
    return SyncError(REFUSED, "Ce poste n'est pas encore inscrit : indiquez le serveur, l'utilisateur et le "
                              "mot de passe (murafaqa sync --server URL --user NOM).",
                     "هذا الحاسوب غير مسجل بعد: أدخل عنوان الخادم واسم المستخدم وكلمة المرور.")


def other_user(enrolled: str, wanted: str) -> SyncError:
    return SyncError(REFUSED, f"Cette base appartient à {enrolled} : l'utilisateur {wanted} doit utiliser sa "
                              "propre base (les données de deux utilisateurs ne se mélangent jamais).",
                     f"هذه القاعدة خاصة بـ {enrolled}: على المستخدم {wanted} استعمال قاعدته الخاصة "
                     "(لا تختلط بيانات مستخدمين أبدا).")


NOT_FOUND = "not_found"


def not_on_server(detail: str) -> SyncError:
    """A record the server does not hold for this user: not sent yet, or out
    of their scope (the server answers both alike)."""
    return SyncError(NOT_FOUND, "Le serveur ne connaît pas cette fiche pour vous : elle n'a pas encore été "
                                "envoyée, ou elle n'est pas dans votre périmètre.",
                     "لا يعرف الخادم هذا الملف بالنسبة إليك: لم يرسل بعد، أو أنه خارج نطاقك.", detail)


def disk_full(error: BaseException) -> SyncError | None:
    """A sync that met a full disk: said in the user's language, what it
    received so far dropped (rolled back) and nothing of the laptop's own
    work lost; None for another error."""
    from ..store.db import disk_full as full

    found = full(error)
    if found is None:
        return None
    return SyncError(DISK_FULL, found.fr + " La synchronisation reprendra là où elle en était.",
                     found.ar + " ستستأنف المزامنة من حيث توقفت.", str(error))
