"""One sync error with a ``kind`` the interface maps to a message in one place.

Every message says what is wrong and what to do, in French and in Arabic.
"""
from __future__ import annotations

from ..domain.errors import DomainError

NETWORK, AUTH, FORBIDDEN, UPDATE, SERVER, REFUSED, BAD_REQUEST = (
    "network", "auth", "forbidden", "update", "server", "refused", "bad_request")


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
