"""The admin's plan values: parsed strictly, before anything is generated from them.

Each kind accepts exactly what its Exchange Online parameter takes (the cmdlet reference):
- domains: domain names, international ones turned into A-labels (the `idna` codec);
- certificate_name: one domain name, `*.` allowed as the first label;
- ipv4_ranges: IPv4 addresses or CIDR ranges from /24 to /32 (SenderIPAddresses,
  EFSkipIPs take nothing wider and no IPv6); not private, loopback, link-local or
  multicast space (the documentation ranges are allowed, for examples);
- smart_hosts: host names or IPv4 addresses.
Anything else is refused with the key, the value and what is valid. The allowed
characters after parsing are letters, digits, '-', '.', '*' and '/', so no quote, dollar
sign, backtick or newline can reach a generated script.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Mapping

__all__ = ["KINDS", "PlanValueError", "parse_value", "parse_values"]

KINDS = ("domains", "certificate_name", "ipv4_ranges", "smart_hosts")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
# Dots other than "." that IDNA would silently read as one: refused, never converted.
_OTHER_DOTS = "\u3002\uff0e\uff61\u2024\ufe52\u0701\u0702\u2e33\u2e34"
_VALID = {
    "domains": "comma-separated domain names such as contoso.com (international names allowed)",
    "certificate_name": "one domain name such as mail.contoso.com; *. is allowed as the "
    "first label (*.contoso.com)",
    "ipv4_ranges": "comma-separated public IPv4 addresses or CIDR ranges from /24 to /32, "
    "such as 203.0.113.10 or 198.51.100.0/28",
    "smart_hosts": "comma-separated host names or IPv4 addresses, such as mail.contoso.com",
}


class PlanValueError(ValueError):
    """A plan value that cannot be used: `key`, the `value` given and what is `valid`."""

    def __init__(self, key: str, value: str, problem: str, kind: str) -> None:
        self.key = key
        self.value = value
        self.valid = _VALID.get(kind, "")
        shown = value if len(value) <= 80 else value[:77] + "..."
        super().__init__(f"{key}={shown!r}: {problem}; valid: {self.valid}")


def parse_values(kinds: Mapping[str, str], given: Mapping[str, object]) -> dict[str, list[str]]:
    """Every given value parsed by the kind of its key; raises `PlanValueError`."""
    parsed: dict[str, list[str]] = {}
    for key, value in given.items():
        if key not in kinds:
            raise PlanValueError(
                str(key), str(value), f"unknown plan value; valid keys: {', '.join(kinds)}", ""
            )
        if not isinstance(value, str):
            raise PlanValueError(key, repr(value), "a plan value is text", kinds[key])
        if value.strip():
            parsed[key] = parse_value(key, value, kinds[key])
    return parsed


def parse_value(key: str, value: str, kind: str) -> list[str]:
    """The items of one value, normalized (A-labels, lower case), or `PlanValueError`."""
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in value):
        raise PlanValueError(key, value, "contains a control or invisible character", kind)
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise PlanValueError(key, value, "has an empty item between commas", kind)
    if kind == "certificate_name":
        if len(items) != 1:
            raise PlanValueError(key, value, "give one name", kind)
        return [_domain(key, value, items[0], kind, wildcard=True)]
    if kind == "domains":
        return _unique([_domain(key, value, item, kind, wildcard=False) for item in items])
    if kind == "ipv4_ranges":
        return _unique([_ipv4_range(key, value, item, kind) for item in items])
    if kind == "smart_hosts":
        return _unique([_smart_host(key, value, item, kind) for item in items])
    raise PlanValueError(key, value, f"unknown kind {kind!r}", kind)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _domain(key: str, value: str, item: str, kind: str, *, wildcard: bool) -> str:
    if any(dot in item for dot in _OTHER_DOTS):
        raise PlanValueError(key, value, f"{item!r} uses a dot other than '.'", kind)
    if any(ch.isspace() for ch in item):
        raise PlanValueError(key, value, f"{item!r} contains a space", kind)
    labels = item.rstrip(".").split(".")
    star = labels[0] == "*"
    if star and not wildcard:
        raise PlanValueError(key, value, "a wildcard (*.) is not allowed here", kind)
    if "*" in "".join(labels[1:] if star else labels):
        raise PlanValueError(key, value, f"{item!r}: * may only be the whole first label", kind)
    ascii_labels = []
    for label in labels[1:] if star else labels:
        try:
            ascii_label = label.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise PlanValueError(key, value, f"{item!r} is not a valid domain name", kind) from None
        if not _LABEL.fullmatch(ascii_label):
            raise PlanValueError(key, value, f"{item!r} is not a valid domain name", kind)
        ascii_labels.append(ascii_label)
    if len(ascii_labels) < 2 or ascii_labels[-1].isdigit():
        raise PlanValueError(key, value, f"{item!r} is not a full domain name", kind)
    name = ".".join((["*"] if star else []) + ascii_labels)
    if len(name) > 253:
        raise PlanValueError(key, value, f"{item!r} is longer than 253 characters", kind)
    return name


def _ipv4_range(key: str, value: str, item: str, kind: str) -> str:
    if not re.fullmatch(r"[0-9./]+", item):
        raise PlanValueError(key, value, f"{item!r} is not an IPv4 address or range", kind)
    prefix = item.partition("/")[2]
    if re.fullmatch(r"[0-9]+(\.[0-9]+){3}", prefix):
        # ipaddress reads a netmask too, but the cmdlets take CIDR ranges only.
        raise PlanValueError(
            key, value, f"{item!r} gives a netmask: write its prefix length (such as /28)", kind
        )
    if prefix.isdigit() and int(prefix) < 24:
        raise PlanValueError(key, value, f"{item!r} is wider than /24", kind)
    try:
        network = ipaddress.IPv4Network(item, strict=True)
    except ValueError as error:
        raise PlanValueError(key, value, f"{item!r}: {error}", kind) from None
    address = network.network_address
    if (
        address.is_loopback or address.is_link_local or address.is_multicast
        or address.is_unspecified or _is_rfc1918(network)
    ):
        raise PlanValueError(key, value, f"{item!r} is not a public address", kind)
    # An accepted address is already in its one written form: ipaddress refuses leading
    # zeros and anything but four decimal octets.
    return item


def _is_rfc1918(network: ipaddress.IPv4Network) -> bool:
    private = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")
    return any(network.subnet_of(ipaddress.IPv4Network(block)) for block in private)


def _smart_host(key: str, value: str, item: str, kind: str) -> str:
    if re.fullmatch(r"[0-9./]+", item):
        address = _ipv4_range(key, value, item, kind)
        if "/" in address:
            raise PlanValueError(key, value, "a smart host is one address, not a range", kind)
        return address
    return _domain(key, value, item, kind, wildcard=False)
