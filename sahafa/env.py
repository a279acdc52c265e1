"""The one reader of environment variables. settings.py reads every variable through an
`Environment`; the apps read django.conf.settings, never os.environ.

Each reader returns a typed value or, for a value it cannot accept, notes the problem
(the variable, the value given and what is allowed) and returns the default, so that
`Environment.raise_if_invalid()` at the end of settings.py reports every bad variable
at once and the process stops before serving anything.

Flags are spelled the same everywhere: 1/0, true/false, yes/no, on/off (any case).
An empty value counts as unset.
"""

import os
import re
from ipaddress import ip_address
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class ConfigError(ImproperlyConfigured):
    """One or more environment variables hold values Sahafa cannot use."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(
            "bad configuration in the environment:\n"
            + "\n".join(f"  {problem}" for problem in self.problems)
        )


class Invalid(ValueError):
    """Raised by a parser with what is allowed; the reader adds the name and value."""


def parse_flag(text):
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise Invalid(f"expected a flag: one of {', '.join(TRUE + FALSE)}")


def parse_integer(text, minimum=None, maximum=None):
    try:
        value = int(text.strip())
    except ValueError:
        raise Invalid(f"expected a whole number{_bounds(minimum, maximum)}") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise Invalid(f"expected a whole number{_bounds(minimum, maximum)}")
    return value


def parse_number(text, minimum=None, maximum=None):
    try:
        value = float(text.strip())
    except ValueError:
        raise Invalid(f"expected a number{_bounds(minimum, maximum)}") from None
    if value != value or (minimum is not None and value < minimum):  # NaN, too small
        raise Invalid(f"expected a number{_bounds(minimum, maximum)}")
    if maximum is not None and value > maximum:
        raise Invalid(f"expected a number{_bounds(minimum, maximum)}")
    return value


def parse_choice(text, choices):
    value = text.strip().lower()
    if value not in choices:
        raise Invalid(f"expected one of {', '.join(choices)}")
    return value


RATE_FORM = "N/S: at most N (1 or more) per S seconds (1 or more), e.g. 10/600"


def parse_rate(text):
    """ "10/600" → (10, 600): at most 10 per 600 seconds."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match or int(match[1]) < 1 or int(match[2]) < 1:
        raise Invalid(f"expected {RATE_FORM}")
    return int(match[1]), int(match[2])


def parse_url(text, schemes, path=True):
    """An absolute URL with one of `schemes` and a host (`path=False`: nothing after it)."""
    value = text.strip()
    allowed = f"expected a URL starting with {' or '.join(s + '://' for s in schemes)}"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise Invalid(allowed) from None
    if parts.scheme not in schemes or not parts.hostname or " " in value:
        raise Invalid(allowed + " and a host name")
    if not path and (parts.path not in ("", "/") or parts.query or parts.fragment):
        raise Invalid(allowed + " and a host name, with no path, query or fragment")
    return value


def parse_list(text, separators=","):
    return [item.strip() for item in re.split(f"[{separators}]", text) if item.strip()]


def parse_addresses(text):
    """ "127.0.0.1, ::1" → ["127.0.0.1", "::1"]: IP addresses separated by commas."""
    addresses = parse_list(text)
    for address in addresses:
        try:
            ip_address(address)
        except ValueError:
            raise Invalid(f"{address!r} is not an IP address") from None
    return addresses


def _bounds(minimum, maximum):
    if minimum is not None and maximum is not None:
        return f" from {minimum} to {maximum}"
    if minimum is not None:
        return f" of {minimum} or more"
    if maximum is not None:
        return f" of {maximum} or less"
    return ""


class Environment:
    """Typed readers over a mapping of environment variables (os.environ by default)."""

    def __init__(self, environ=None):
        self.environ = os.environ if environ is None else environ
        self.problems = []

    def raw(self, name):
        """The variable's text, or None when it is unset or empty."""
        value = self.environ.get(name)
        return value if value is not None and value.strip() else None

    def is_set(self, name):
        return self.raw(name) is not None

    def read(self, name, default, parse, *args, **kwargs):
        """The variable parsed by `parse(text, *args)`, which raises Invalid to refuse it."""
        value = self.raw(name)
        if value is None:
            return default
        try:
            return parse(value, *args, **kwargs)
        except Invalid as error:
            self.problems.append(f"{name}={value!r}: {error}.")
            return default

    def flag(self, name, default):
        return self.read(name, default, parse_flag)

    def integer(self, name, default, minimum=None, maximum=None):
        return self.read(name, default, parse_integer, minimum, maximum)

    def number(self, name, default, minimum=None, maximum=None):
        return self.read(name, default, parse_number, minimum, maximum)

    def choice(self, name, default, choices):
        return self.read(name, default, parse_choice, choices)

    def rate(self, name, default):
        return self.read(name, default, parse_rate)

    def url(self, name, default, schemes, path=True):
        return self.read(name, default, parse_url, schemes, path)

    def list(self, name, default, separators=","):
        return self.read(name, default, parse_list, separators)

    def addresses(self, name, default):
        return self.read(name, default, parse_addresses)

    def text(self, name, default=""):
        value = self.raw(name)
        return default if value is None else value.strip()

    def require(self, condition, problem):
        """Note a problem that concerns several variables together."""
        if not condition:
            self.problems.append(problem)

    def raise_if_invalid(self):
        if self.problems:
            raise ConfigError(self.problems)
