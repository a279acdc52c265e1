"""The content checks a new comment passes through, in order; the first that has an opinion
gives the verdict, which is stored on the comment with its reason.

Form-level defences (CSRF, the honeypot, the minimum fill time, rate limits, duplicates)
refuse a post before it becomes a comment; see forms.py and views.py.

An external checker (Akismet-style) plugs in through SAHAFA_COMMENTS_EXTERNAL_CHECKER: the
dotted path of a callable taking a `Submission` and returning a `Verdict` or None. Nothing
here calls a network service.
"""

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from sahafa.arabic import normalize, squeeze_repeats

from .conf import comments_setting
from .models import BlockedPhrase, BlockedSender, Comment, text_fingerprint

logger = logging.getLogger(__name__)

# Long enough that two readers writing the same thing by chance («شكراً») is unlikely.
REPEATED_TEXT_MIN_CHARS = 30
REPEATED_TEXT_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Submission:
    article: object
    name: str
    email: str
    url: str
    body: str
    ip: str | None
    user_agent: str


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str


_LINK = re.compile(r"https?://|www\.|<a\s", re.IGNORECASE)
_DIGIT_GAP = re.compile(r"(?<=\d) (?=\d)")
_DOUBLED_LETTER = re.compile(r"([^\W\d_])\1+")
# و ف ب ل ك and ال may be written onto a word: «والمجاني», «بالمجان».
_PROCLITICS = r"(?:[وفبلك]{0,2}(?:ال)?)"
# Suffixes such as ة/ه, ي, ين, ات, ها may follow a blocked word.
_SUFFIX = r"\S{0,3}"


def _join_spelled_out(text):
    """«م ج ا ن ي» → «مجاني»: runs of single-letter words are one word spelled out."""
    words, run = [], []
    for word in text.split():
        if len(word) == 1:
            run.append(word)
            continue
        if run:
            words.append("".join(run))
            run = []
        words.append(word)
    if run:
        words.append("".join(run))
    return " ".join(words)


def _matching_key(normalized):
    """Stretched letters squeezed, and doubled ones too (on both sides of a match, so
    «مجانني» meets «مجاني»), and digit groups joined so a phone number written
    «٠٥٥ ١٢٣ ٤٥٦٧» meets «0551234567»."""
    return _DIGIT_GAP.sub("", _DOUBLED_LETTER.sub(r"\1", squeeze_repeats(normalized)))


def matching_forms(text):
    """The shapes of `text` a blocked phrase is looked for in: normalized (tatweel, marks,
    zero-width characters, hamza seats and Arabic-Indic digits folded), as it stands and
    with spelled-out letters joined."""
    normalized = normalize(text)
    return {_matching_key(normalized), _matching_key(_join_spelled_out(normalized))}


def phrase_pattern(phrase):
    key = _matching_key(normalize(phrase))
    if not key:
        return None
    return re.compile(rf"(?<!\S){_PROCLITICS}{re.escape(key)}{_SUFFIX}(?!\S)")


def blocked_phrases():
    phrases = list(BlockedPhrase.objects.values_list("phrase", flat=True))
    return phrases + comments_setting("SAHAFA_COMMENTS_BLOCKLIST")


def find_blocked_phrase(text, phrases):
    forms = matching_forms(text)
    for phrase in phrases:
        pattern = phrase_pattern(phrase)
        if pattern and any(pattern.search(form) for form in forms):
            return phrase
    return None


def check_blocked_sender(submission):
    senders = Q(kind=BlockedSender.Kind.EMAIL, value=submission.email)
    if submission.ip:
        senders |= Q(kind=BlockedSender.Kind.IP, value=submission.ip)
    blocked = BlockedSender.objects.filter(senders).first()
    if blocked:
        # The reason names the rule, never the address: reasons reach logs and the admin.
        return Verdict(
            Comment.Status.SPAM,
            _("Blocked sender (%(kind)s)") % {"kind": blocked.get_kind_display()},
        )
    return None


def check_blocked_phrase(submission):
    text = "\n".join([submission.name, submission.url, submission.body])
    phrase = find_blocked_phrase(text, blocked_phrases())
    if phrase:
        return Verdict(Comment.Status.SPAM, _("Blocked phrase «%(phrase)s»") % {"phrase": phrase})
    return None


def check_external(submission):
    path = comments_setting("SAHAFA_COMMENTS_EXTERNAL_CHECKER")
    if not path:
        return None
    try:
        return import_string(path)(submission)
    except Exception:
        # A failing checker must not lose the comment: hold it for a person instead.
        logger.exception("external comment checker %s failed", path)
        return Verdict(Comment.Status.PENDING, _("The external spam checker failed"))


def check_links(submission):
    links = len(_LINK.findall(submission.body))
    most = comments_setting("SAHAFA_COMMENTS_MAX_LINKS")
    if links > most:
        return Verdict(
            Comment.Status.PENDING,
            _("Too many links (%(links)d, at most %(most)d)") % {"links": links, "most": most},
        )
    return None


def check_repeated_text(submission):
    """The same long text from someone else on the site in the last day: a spam run."""
    if len(normalize(submission.body)) < REPEATED_TEXT_MIN_CHARS:
        return None
    repeated = (
        Comment.objects.filter(
            fingerprint=text_fingerprint(submission.body),
            created_at__gte=timezone.now() - REPEATED_TEXT_WINDOW,
        )
        .exclude(email=submission.email)
        .exists()
    )
    if repeated:
        return Verdict(Comment.Status.PENDING, _("The same text was posted by someone else"))
    return None


def check_known_commenter(submission):
    if not comments_setting("SAHAFA_COMMENTS_AUTO_APPROVE_KNOWN"):
        return None
    if Comment.objects.approved().filter(email=submission.email).exists():
        return Verdict(Comment.Status.APPROVED, _("Commenter has an earlier approved comment"))
    return None


CHECKS = (
    check_blocked_sender,
    check_blocked_phrase,
    check_external,
    check_links,
    check_repeated_text,
    check_known_commenter,
)


def judge(submission):
    for check in CHECKS:
        verdict = check(submission)
        if verdict is not None:
            return verdict
    return Verdict(Comment.Status.PENDING, _("New commenter"))
