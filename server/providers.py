"""Mail providers the Mailboxes page knows: where their IMAP server is, which folder holds all
mail, and what a person must do before Onward may sign in (an app password, IMAP switched on, or
OAuth2), in plain words. Data only, its words marked for translation (``N_``); the page prefills its
form from it and shows them in the reader's language (``shown``)."""

from dataclasses import dataclass, replace

from server.translations import N_
from server.translations import gettext as _


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    host: str
    port: int
    tls: str
    folders: tuple[str, ...]
    guidance: str
    """What to do first, in plain words, shown beside the form."""
    help_url: str | None = None
    oauth: str | None = None
    """The ``server.oauth`` provider that can sign in instead of a password, when the deployment configured it."""


PRESETS = {p.key: p for p in (
    Preset("gmail", "Gmail", "imap.gmail.com", 993, "ssl", ("[Gmail]/All Mail",),
           N_("Gmail takes your normal password only through \"Sign in with Google\". Without it, turn on 2-Step "
              "Verification in your Google Account, then create an app password (Security, App passwords) and paste "
              "its 16 letters here. Onward reads \"All Mail\" so labels and archived mail count too."),
           "https://support.google.com/accounts/answer/185833", "google"),
    Preset("outlook", "Outlook.com / Microsoft 365", "outlook.office365.com", 993, "ssl", ("INBOX",),
           N_("Microsoft accepts only \"Sign in with Microsoft\" for most accounts; passwords and app passwords stopped "
              "working for IMAP in 2024-2025. At work or school, your administrator may have to allow IMAP for you."),
           "https://support.microsoft.com/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353",
           "microsoft"),
    Preset("yahoo", "Yahoo Mail", "imap.mail.yahoo.com", 993, "ssl", ("INBOX",),
           N_("Yahoo needs an app password: Account Info, Account Security, Generate app password. Your normal "
              "password will be refused."), "https://help.yahoo.com/kb/SLN15241.html"),
    Preset("icloud", "iCloud Mail", "imap.mail.me.com", 993, "ssl", ("INBOX",),
           N_("iCloud needs an app-specific password: sign in at account.apple.com, Sign-In and Security, App-Specific "
              "Passwords. Your user name is your iCloud address."), "https://support.apple.com/102654"),
    Preset("fastmail", "Fastmail", "imap.fastmail.com", 993, "ssl", ("INBOX",),
           N_("Fastmail needs an app password with IMAP access: Settings, Privacy & Security, Manage app passwords."),
           "https://www.fastmail.help/hc/en-us/articles/360058752854"),
    Preset("gmx", "GMX", "imap.gmx.net", 993, "ssl", ("INBOX",),
           N_("GMX lets other programs in only after you allow it: in GMX webmail, Settings, POP3 & IMAP, tick "
              "\"Enable access to this account via POP3 and IMAP\". Then use your normal password.")),
    Preset("webde", "WEB.DE", "imap.web.de", 993, "ssl", ("INBOX",),
           N_("WEB.DE lets other programs in only after you allow it: in WEB.DE webmail, Settings, POP3/IMAP retrieval, "
              "tick the box for IMAP. Then use your normal password.")),
    Preset("posteo", "Posteo", "posteo.de", 993, "ssl", ("INBOX",),
           N_("Posteo works with your normal Posteo address and password; nothing to switch on.")),
    Preset("other", N_("Another provider"), "", 993, "ssl", ("INBOX",),
           N_("Look for \"IMAP settings\" in your provider's help: the server name, port 993 with SSL/TLS (or 143 with "
              "STARTTLS). If your account uses two-step sign-in, you will probably need an app password.")),
)}
"""Every preset, in the order the page lists them."""


def shown(p: Preset | None) -> Preset | None:
    """The preset with its name and guidance in the page's language (``server.translations.current``)."""
    return p and replace(p, name=_(p.name), guidance=_(p.guidance))


def preset(key: str | None) -> Preset | None:
    return PRESETS.get(key or "")


def for_host(host: str) -> Preset | None:
    """The preset of a saved account's server, so its problems can be explained with the provider's guidance."""
    return next((p for p in PRESETS.values() if p.host and p.host == host.lower()), None)
