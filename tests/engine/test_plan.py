"""The connector plan: values parsed strictly, commands written from the cmdlet reference,
nothing written from a value that was refused or not given.

Expected commands are written by hand from the cmdlet reference (PS = office-docs-powershell
at 93336da2bc, exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md) with the documentation
ranges and contoso.com as example values.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from engine import Model, decide, reachable_answer_sets
from engine.json_api import answer
from engine.plan import PlanModel, commands_of, load_packaged_plan, make_plan
from engine.plan_values import PlanValueError, parse_values
from engine.plan_verify import verify_plan

PLAN = load_packaged_plan()
EXAMPLE = {
    "domains": "contoso.com",
    "server_cert": "mail.contoso.com",
    "server_ips": "203.0.113.10",
    "smart_hosts": "mail.contoso.com",
    "partner_domains": "contosobank.com",
    "partner_cert": "mail.contosobank.com",
    "partner_ips": "198.51.100.0/28",
    "device_ips": "203.0.113.25",
    "service_ips": "192.0.2.0/24",
}
SERVERS = {"service": "exchange-online", "servers": "other-smtp", "partners": "no"}
CLOUD = {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "no"}


def plan_for(model: Model, answers: dict[str, str], values: dict[str, str]) -> Any:
    return make_plan(PLAN, decide(model, answers), values)


def step_named(plan: Any, name: str) -> Any:
    return next(step for step in plan["steps"] if step["name"] == name)


# --- values ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("key", "value", "parsed"),
    [
        ("domains", "Contoso.com, contoso.co.uk", ["contoso.com", "contoso.co.uk"]),
        ("domains", "bücher.example", ["xn--bcher-kva.example"]),  # A-labels
        ("server_cert", "*.contoso.com", ["*.contoso.com"]),
        ("server_ips", "203.0.113.10, 198.51.100.0/28", ["203.0.113.10", "198.51.100.0/28"]),
        ("smart_hosts", "mail.contoso.com, 203.0.113.7", ["mail.contoso.com", "203.0.113.7"]),
    ],
)
def test_good_values_are_normalized(key: str, value: str, parsed: list[str]) -> None:
    assert parse_values(PLAN.kinds, {key: value}) == {key: parsed}


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("domains", "*.contoso.com", "a wildcard (*.) is not allowed here"),
        ("server_cert", "mail.*.contoso.com", "* may only be the whole first label"),
        ("server_cert", "a.contoso.com, b.contoso.com", "give one name"),
        ("server_ips", "203.0.112.0/23", "is wider than /24"),
        # host bits set: the cmdlet would get a range its owner did not mean
        ("server_ips", "203.0.113.10/28", "'203.0.113.10/28': 203.0.113.10/28 has host bits set"),
        ("server_ips", "2001:db8::1", "is not an IPv4 address or range"),
        ("server_ips", "10.1.2.3", "is not a public address"),
        ("smart_hosts", "203.0.113.0/28", "a smart host is one address, not a range"),
        ("domains", "contoso\u3002com", "uses a dot other than '.'"),
        ("domains", "contoso.com\u202e", "contains a control or invisible character"),
        ("partner_domains", "localhost", "is not a full domain name"),
        ("colour", "blue", "unknown plan value; valid keys: domains, server_cert"),
    ],
)
def test_bad_values_are_refused_naming_key_value_and_what_is_valid(
    key: str, value: str, problem: str
) -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {key: value})
    message = str(refusal.value)
    assert message.startswith(f"{key}={value!r}: ")
    assert problem in message
    assert refusal.value.key == key
    assert refusal.value.value == value
    # What is valid: the kind's own sentence, or nothing for a key that is no plan value.
    assert message.endswith(f"; valid: {refusal.value.valid}")
    assert bool(refusal.value.valid) == (key in PLAN.kinds)
    if key not in PLAN.kinds:
        assert refusal.value.valid == ""


def test_a_long_refused_value_is_shortened_in_the_message() -> None:
    fits = "x" * 75 + ".test"  # 80 characters: shown whole
    too_long = "x" * 76 + ".test"  # 81: the first 77 and "..."
    for value, shown in ((fits, fits), (too_long, too_long[:77] + "...")):
        with pytest.raises(PlanValueError) as refusal:
            parse_values(PLAN.kinds, {"server_ips": value})
        assert str(refusal.value).startswith(f"server_ips={shown!r}: ")
        assert refusal.value.value == value


# --- commands, from the cmdlet reference ------------------------------------------------

def test_routing_connectors_by_certificate(model: Model) -> None:
    plan = plan_for(model, SERVERS, EXAMPLE)
    # PS New-InboundConnector.md: OnPremises, SenderDomains *, certificate identification.
    assert step_named(plan, "Connector from your email servers")["powershell"] == [
        "New-InboundConnector -Name 'Connector from your email servers' -ConnectorType "
        "'OnPremises' -SenderDomains '*' -TlsSenderCertificateName 'mail.contoso.com'"
    ]
    # PS New-OutboundConnector.md: UseMXRecord $false requires SmartHosts.
    assert step_named(plan, "Connector to your email servers")["powershell"] == [
        "New-OutboundConnector -Name 'Connector to your email servers' -ConnectorType "
        "'OnPremises' -RecipientDomains 'contoso.com' -UseMXRecord $false -SmartHosts "
        "'mail.contoso.com' -TlsSettings 'CertificateValidation'"
    ]
    # Validation, then the flag validation alone does not set (PS Set-OutboundConnector.md).
    assert plan["validation"][:2] == [
        "Validate-OutboundConnector -Identity 'Connector to your email servers' -Recipients "
        "'postmaster@contoso.com'",
        "Set-OutboundConnector -Identity 'Connector to your email servers' -IsValidated $true",
    ]
    assert plan["script"].splitlines()[3] == "Connect-ExchangeOnline"
    assert any("RequireTls is not set" in note for note in plan["steps"][0]["notes"])


def test_routing_connector_by_ip_when_no_certificate(model: Model) -> None:
    values = {k: v for k, v in EXAMPLE.items() if k != "server_cert"}
    plan = plan_for(model, SERVERS, values)
    assert step_named(plan, "Connector from your email servers")["powershell"][0].endswith(
        "-SenderDomains '*' -SenderIPAddresses '203.0.113.10'"
    )


def test_partner_connectors_require_tls_and_restrict_by_certificate(model: Model) -> None:
    plan = plan_for(model, {**CLOUD, "partners": "yes"}, EXAMPLE)
    # PS New-InboundConnector.md: RequireTls and RestrictDomainsToCertificate are Partner's.
    assert step_named(plan, "Connector from a partner organization")["powershell"] == [
        "New-InboundConnector -Name 'Connector from a partner organization' -ConnectorType "
        "'Partner' -SenderDomains 'contosobank.com' -RequireTls $true "
        "-RestrictDomainsToCertificate $true -TlsSenderCertificateName 'mail.contosobank.com'"
    ]
    # PS New-OutboundConnector.md, example 1: DomainValidation with TlsDomain.
    assert step_named(plan, "Connector to a partner organization")["powershell"] == [
        "New-OutboundConnector -Name 'Connector to a partner organization' -ConnectorType "
        "'Partner' -RecipientDomains 'contosobank.com' -TlsSettings 'DomainValidation' "
        "-TlsDomain 'mail.contosobank.com'"
    ]


def test_filtering_service_connector_and_enhanced_filtering(model: Model) -> None:
    plan = plan_for(model, {**CLOUD, "mx": "filtering-service"}, EXAMPLE)
    assert step_named(plan, "Connector from your third-party mail service")["powershell"] == [
        "New-InboundConnector -Name 'Connector from your third-party mail service' "
        "-ConnectorType 'Partner' -SenderDomains '*' -RestrictDomainsToIPAddresses $true "
        "-SenderIPAddresses '192.0.2.0/24'",
        # UC enhanced-filtering-for-connectors.md 88-135: skip the service's addresses.
        "Set-InboundConnector -Identity 'Connector from your third-party mail service' "
        "-EFSkipIPs '192.0.2.0/24'",
    ]


def test_device_relay_connector_by_ip(model: Model) -> None:
    plan = plan_for(model, {**CLOUD, "devices": "yes", "device_method": "smtp-relay"}, EXAMPLE)
    assert plan["steps"][0]["powershell"] == [
        "New-InboundConnector -Name 'Connector for your devices and applications' "
        "-ConnectorType 'OnPremises' -SenderDomains '*' -SenderIPAddresses '203.0.113.25'"
    ]


def test_hybrid_connectors_are_left_to_the_wizard(model: Model) -> None:
    answers = {"service": "exchange-online", "servers": "exchange-2010-or-later",
               "hybrid": "yes", "hybrid_connectors": "missing", "partners": "no"}
    plan = plan_for(model, answers, EXAMPLE)
    assert all(step["powershell"] == [] for step in plan["steps"])
    assert commands_of(plan) == ["Connect-ExchangeOnline"]
    assert "Hybrid Configuration wizard" in " ".join(plan["steps"][0]["admin_center"])


def test_a_missing_value_writes_no_command_and_says_why(model: Model) -> None:
    plan = plan_for(model, SERVERS, {"domains": "contoso.com"})
    assert [step["powershell"] for step in plan["steps"]] == [[], []]
    assert plan["missing_values"] == [
        {"key": "server_cert or server_ips", "why": PLAN.connectors[
            "your-servers-to-office-365"]["needs_one_of"]["why"]},
        {"key": "smart_hosts", "why": "Microsoft 365 delivers to your servers' host names, "
         "not by MX record."},
    ]
    assert "New-" not in plan["script"]


def test_no_plan_ever_sets_cloud_services_mail_enabled(model: Model) -> None:
    for answers in reachable_answer_sets(model):
        script = plan_for(model, answers, EXAMPLE)["script"]
        commands = [line for line in script.splitlines() if not line.startswith("#")]
        assert not any("CloudServicesMailEnabled" in line for line in commands), answers


def test_connector_names_in_a_plan_are_unique(model: Model) -> None:
    for answers in reachable_answer_sets(model):
        names = [step["name"] for step in plan_for(model, answers, EXAMPLE)["steps"]]
        assert len(names) == len(set(names))


# --- the plan's data, verified ----------------------------------------------------------

def broken(change: Any) -> list[str]:
    raw = json.loads(json.dumps({"values": PLAN.values, "cmdlets": PLAN.cmdlets,
                                 "connectors": PLAN.connectors}))
    change(raw)
    return verify_plan(raw, list(raw["connectors"]))


def test_the_shipped_plan_data_is_sound(model: Model) -> None:
    raw = {"values": PLAN.values, "cmdlets": PLAN.cmdlets, "connectors": PLAN.connectors}
    assert verify_plan(raw, model.connectors) == []


def recipe(raw: dict[str, Any], connector: str) -> dict[str, Any]:
    found: dict[str, Any] = raw["connectors"][connector]
    return found


AT = "plan.yaml: connectors."


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        (lambda raw: recipe(raw, "device-to-office-365")["set"].update(
            CloudServicesMailEnabled="$true"),
         [AT + "device-to-office-365.identify[0]: CloudServicesMailEnabled must never be set "
          "(the hybrid wizard's to set)"]),
        (lambda raw: recipe(raw, "device-to-office-365")["set"].update(RequireTls="$true"),
         [AT + "device-to-office-365.identify[0]: RequireTls applies to Partner connectors "
          "only, not OnPremises"]),
        (lambda raw: recipe(raw, "office-365-to-your-servers")["set"].update(
            AllAcceptedDomains="$true"),
         [AT + "office-365-to-your-servers.identify[0]: RecipientDomains cannot go with "
          "AllAcceptedDomains",
          AT + "office-365-to-your-servers.identify[0]: AllAcceptedDomains cannot go with "
          "RecipientDomains"]),
        (lambda raw: recipe(raw, "office-365-to-partner")["identify"][0]["set"].update(
            TlsSettings="CertificateValidation"),
         [AT + "office-365-to-partner.identify[0]: TlsDomain needs TlsSettings=DomainValidation"]),
        (lambda raw: recipe(raw, "office-365-to-your-servers")["set"].pop("UseMXRecord"),
         [AT + "office-365-to-your-servers.identify[0]: SmartHosts needs UseMXRecord"]),
        (lambda raw: recipe(raw, "device-to-office-365")["set"].update(Colour="x"),
         [AT + "device-to-office-365.identify[0]: Colour is not a parameter of this cmdlet in "
          "the table"]),
        (lambda raw: recipe(raw, "device-to-office-365")["set"].update(
            SenderIPAddresses={"value": "printer_ips"}),
         [AT + "device-to-office-365.identify[0]: SenderIPAddresses takes an unknown value "
          "'printer_ips'"]),
        (lambda raw: recipe(raw, "device-to-office-365").update(cmdlet="New-Connector"),
         [AT + "device-to-office-365.cmdlet: unknown cmdlet 'New-Connector'; known: "
          "New-InboundConnector, Set-InboundConnector, New-OutboundConnector, "
          "Validate-OutboundConnector, Set-OutboundConnector"]),
        (lambda raw: recipe(raw, "partner-to-office-365")["identify"][1].update(
            when="partner_ip"),
         [AT + "partner-to-office-365.identify[1].when: unknown value 'partner_ip'"]),
        (lambda raw: recipe(raw, "device-to-office-365")["needs"][0].update(key="printer_ips"),
         [AT + "device-to-office-365.needs: unknown value 'printer_ips'"]),
        (lambda raw: recipe(raw, "office-365-to-your-servers")["set"].update(UseMXRecord="false"),
         [AT + 'office-365-to-your-servers.identify[0]: UseMXRecord is a boolean: write "$true" '
          'or "$false"']),
        (lambda raw: recipe(raw, "office-365-to-your-servers")["set"].update(TlsSettings="Always"),
         [AT + "office-365-to-your-servers.identify[0]: TlsSettings='Always'; choose one of: "
          "EncryptionOnly, CertificateValidation, DomainValidation"]),
        (lambda raw: recipe(raw, "device-to-office-365")["set"].update(SenderDomains="*"),
         [AT + "device-to-office-365.identify[0]: SenderDomains takes a list"]),
        (lambda raw: recipe(raw, "device-to-office-365").update(connector_type="Hybrid"),
         [AT + "device-to-office-365.identify[0]: ConnectorType='Hybrid'; choose one of: "
          "OnPremises, Partner"]),
        # A recipe with no PowerShell is not checked as one.
        (lambda raw: recipe(raw, "office-365-to-service").update(
            cmdlet="New-Connector", set={"Colour": "x"}), []),
    ],
    ids=["forbidden", "partner-only", "excludes", "requires-value", "requires", "unknown",
         "value-key", "unknown-cmdlet", "identify-when", "needs", "bool", "choice", "list",
         "connector-type", "no-powershell"],
)
def test_broken_plan_data_is_reported(change: Any, problems: list[str]) -> None:
    assert broken(change) == problems


def test_every_bad_setting_is_reported_not_only_the_first() -> None:
    problems = broken(lambda raw: recipe(raw, "device-to-office-365")["set"].update(
        CloudServicesMailEnabled="$true", Colour="x", RequireTls="$true"))
    assert problems == [
        AT + "device-to-office-365.identify[0]: CloudServicesMailEnabled must never be set "
        "(the hybrid wizard's to set)",
        AT + "device-to-office-365.identify[0]: Colour is not a parameter of this cmdlet in "
        "the table",
        AT + "device-to-office-365.identify[0]: RequireTls applies to Partner connectors only, "
        "not OnPremises",
    ]


def test_a_parameter_for_several_connector_types_names_them_all() -> None:
    def change(raw: dict[str, Any]) -> None:
        raw["cmdlets"]["New-InboundConnector"]["parameters"]["RequireTls"]["only"] = [
            "Partner", "Hybrid"]
        recipe(raw, "device-to-office-365")["set"]["RequireTls"] = "$true"

    assert broken(change) == [
        AT + "device-to-office-365.identify[0]: RequireTls applies to Partner, Hybrid "
        "connectors only, not OnPremises"
    ]


def test_recipes_and_cmdlets_may_leave_out_optional_parts() -> None:
    def change(raw: dict[str, Any]) -> None:
        del recipe(raw, "device-to-office-365")["set"]  # only Name and ConnectorType
        del recipe(raw, "partner-to-office-365")["identify"][0]["set"]
        for cmdlet in raw["cmdlets"].values():
            cmdlet.pop("forbidden", None)

    assert broken(change) == []


def test_a_recipe_for_no_connector_of_the_model_is_reported() -> None:
    raw = json.loads(json.dumps({"values": PLAN.values, "cmdlets": PLAN.cmdlets,
                                 "connectors": PLAN.connectors}))
    connectors = [c for c in raw["connectors"] if c != "office-365-to-add-on"]
    assert verify_plan(raw, connectors) == [
        "plan.yaml: connectors.office-365-to-add-on: not a connector of outcomes.yaml"
    ]


def test_a_connector_without_recipe_is_reported() -> None:
    raw = copy.deepcopy({"values": dict(PLAN.values), "cmdlets": dict(PLAN.cmdlets),
                         "connectors": dict(PLAN.connectors)})
    del raw["connectors"]["device-to-office-365"]
    assert verify_plan(raw, [*raw["connectors"], "device-to-office-365"]) == [
        "plan.yaml: connectors: no recipe for the connector 'device-to-office-365'"
    ]


# --- the page's entry point -------------------------------------------------------------

def test_the_worker_gets_a_plan_only_with_values() -> None:
    answers = json.dumps(SERVERS)
    assert "plan" not in json.loads(answer(answers))
    reply = json.loads(answer(answers, json.dumps({"domains": "contoso.com"})))
    assert reply["plan"]["missing_values"][0]["key"] == "server_cert or server_ips"
    bad = json.loads(answer(answers, json.dumps({"server_ips": "10.0.0.1"})))
    assert bad["plan_error"]["key"] == "server_ips" and "plan" not in bad
    assert isinstance(PLAN, PlanModel)


# --- the whole script and lists, as the admin downloads and reads them -------------------

FILTERED_SERVERS = {"service": "exchange-online", "servers": "other-smtp", "partners": "yes",
                    "mx": "filtering-service"}
SOME_VALUES = {"domains": "contoso.com", "server_cert": "mail.contoso.com",
               "smart_hosts": "mail.contoso.com", "partner_domains": "contosobank.com",
               "partner_ips": "198.51.100.0/28", "service_ips": "192.0.2.0/24"}


def test_the_whole_script_with_values(model: Model) -> None:
    plan = plan_for(model, FILTERED_SERVERS, SOME_VALUES)
    assert plan["script"] == "\n".join([
        "# Connector plan made by the connector checker; review every line before running it.",
        "# Answer: Yes — 5 connectors to create (2 required)",
        "# Sign in to Exchange Online PowerShell (module ExchangeOnlineManagement).",
        "Connect-ExchangeOnline",
        "",
        "# Connector from your email servers",
        "New-InboundConnector -Name 'Connector from your email servers' -ConnectorType "
        "'OnPremises' -SenderDomains '*' -TlsSenderCertificateName 'mail.contoso.com'",
        "",
        "# Connector to your email servers",
        "New-OutboundConnector -Name 'Connector to your email servers' -ConnectorType "
        "'OnPremises' -RecipientDomains 'contoso.com' -UseMXRecord $false -SmartHosts "
        "'mail.contoso.com' -TlsSettings 'CertificateValidation'",
        "",
        "# Connector from your third-party mail service",
        "New-InboundConnector -Name 'Connector from your third-party mail service' "
        "-ConnectorType 'Partner' -SenderDomains '*' -RestrictDomainsToIPAddresses $true "
        "-SenderIPAddresses '192.0.2.0/24'",
        "Set-InboundConnector -Identity 'Connector from your third-party mail service' "
        "-EFSkipIPs '192.0.2.0/24'",
        "",
        "# Connector from a partner organization",
        "New-InboundConnector -Name 'Connector from a partner organization' -ConnectorType "
        "'Partner' -SenderDomains 'contosobank.com' -RequireTls $true "
        "-RestrictDomainsToIPAddresses $true -SenderIPAddresses '198.51.100.0/28'",
        "",
        "# Connector to a partner organization",
        "New-OutboundConnector -Name 'Connector to a partner organization' -ConnectorType "
        "'Partner' -RecipientDomains 'contosobank.com' -TlsSettings 'CertificateValidation'",
        "",
        "# Validate the connectors from Microsoft 365, then mark them validated.",
        "Validate-OutboundConnector -Identity 'Connector to your email servers' -Recipients "
        "'postmaster@contoso.com'",
        "Set-OutboundConnector -Identity 'Connector to your email servers' -IsValidated $true",
        "Validate-OutboundConnector -Identity 'Connector to a partner organization' "
        "-Recipients 'postmaster@contosobank.com'",
        "Set-OutboundConnector -Identity 'Connector to a partner organization' -IsValidated "
        "$true",
    ]) + "\n"
    assert plan["prerequisites"] == [
        "Add your domains as accepted domains in Microsoft 365: contoso.com.",
        "Your servers send and receive Internet mail, with TLS and a certificate from a "
        "certification authority (CA), and port 25 is open between them and Microsoft 365's "
        "IP address ranges.",
        "The partner's servers present a valid certificate, ideally CA-signed.",
    ]
    assert plan["validation"][-1] == (
        "Send a test message each way the connectors carry mail (for example from a mailbox "
        "on your servers to one in Exchange Online, and back), then look it up in the "
        "message trace of the Exchange admin center."
    )
    assert [f["key"] for f in plan["fields"]] == [
        "server_cert", "server_ips", "domains", "smart_hosts", "service_ips",
        "partner_domains", "partner_cert", "partner_ips",
    ]
    assert all(f["label"] == PLAN.values[f["key"]]["label"] and f["help"] for f in plan["fields"])


def test_without_values_the_script_says_what_each_step_waits_for(model: Model) -> None:
    answers = {"service": "exchange-online", "servers": "none", "devices": "no",
               "partners": "yes"}
    plan = plan_for(model, answers, {})
    assert plan["script"] == "\n".join([
        "# Connector plan made by the connector checker; review every line before running it.",
        "# Answer: Optional — 2 connectors to create, if you want them",
        "# Sign in to Exchange Online PowerShell (module ExchangeOnlineManagement).",
        "Connect-ExchangeOnline",
        "",
        "# Connector from a partner organization",
        "# A certificate restriction and an IP restriction go in separate connectors: the "
        "plan uses the certificate when both are given.",
        "# No command is written until you give: partner_domains.",
        "",
        "# Connector to a partner organization",
        "# No command is written until you give: partner_domains.",
    ]) + "\n"
    assert plan["steps"][0]["admin_center"][-1] == (
        "Use it for mail sent from these domains: <partner_domains>; require TLS."
    )
    assert plan["prerequisites"] == [
        "Add your domains as accepted domains in Microsoft 365: <domains>.",
        "The partner's servers present a valid certificate, ideally CA-signed.",
    ]
    assert [m["key"] for m in plan["missing_values"]] == ["partner_domains"]


def test_mx_records_are_a_prerequisite_only_with_servers_and_mx_at_microsoft(
    model: Model,
) -> None:
    mx_item = ("Your domains' MX records point to Microsoft 365 (the host name ending in "
               "mail.protection.outlook.com that the admin center shows for each domain).")
    assert mx_item in plan_for(model, SERVERS, {})["prerequisites"]
    assert mx_item not in plan_for(model, FILTERED_SERVERS, {})["prerequisites"]
    cloud = {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "yes"}
    assert mx_item not in plan_for(model, cloud, {})["prerequisites"]
    assert plan_for(model, {**CLOUD}, {})["validation"] == []  # no connector, no test mail


def test_list_parameters_take_every_item_of_a_value(model: Model) -> None:
    values = {**EXAMPLE, "domains": "contoso.com, fabrikam.com",
              "server_ips": "203.0.113.10, 198.51.100.0/28"}
    plan = plan_for(model, SERVERS, {k: v for k, v in values.items() if k != "server_cert"})
    commands = [line for step in plan["steps"] for line in step["powershell"]]
    assert (
        "New-InboundConnector -Name 'Connector from your email servers' -ConnectorType "
        "'OnPremises' -SenderDomains '*' -SenderIPAddresses '203.0.113.10','198.51.100.0/28'"
    ) in commands
    assert any("-RecipientDomains 'contoso.com','fabrikam.com' " in line for line in commands)


SMART_HOSTS_VALID = "comma-separated host names or IPv4 addresses, such as mail.contoso.com"
IPV4_VALID = ("comma-separated public IPv4 addresses or CIDR ranges from /24 to /32, such as "
              "203.0.113.10 or 198.51.100.0/28")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("smart_hosts", "10.0.0.1",
         f"smart_hosts='10.0.0.1': '10.0.0.1' is not a public address; valid: "
         f"{SMART_HOSTS_VALID}"),
        ("smart_hosts", "mail_1.contoso.com",
         "smart_hosts='mail_1.contoso.com': 'mail_1.contoso.com' is not a valid domain name; "
         f"valid: {SMART_HOSTS_VALID}"),
        ("smart_hosts", "203.0.113.0/28",
         "smart_hosts='203.0.113.0/28': a smart host is one address, not a range; valid: "
         f"{SMART_HOSTS_VALID}"),
        ("smart_hosts", "*.contoso.com",
         "smart_hosts='*.contoso.com': a wildcard (*.) is not allowed here; valid: "
         f"{SMART_HOSTS_VALID}"),
        # A prefix wider than /24 is named so even with host bits set...
        ("server_ips", "203.0.113.10/16",
         f"server_ips='203.0.113.10/16': '203.0.113.10/16' is wider than /24; valid: "
         f"{IPV4_VALID}"),
        # ...and only the part after the first "/" is the prefix.
        ("server_ips", "203.0.113.0/24/8",
         "server_ips='203.0.113.0/24/8': '203.0.113.0/24/8': Only one '/' permitted in "
         f"'203.0.113.0/24/8'; valid: {IPV4_VALID}"),
        # A range must start at its network address (ipaddress, strict)...
        ("server_ips", "203.0.113.10/28",
         "server_ips='203.0.113.10/28': '203.0.113.10/28': 203.0.113.10/28 has host bits "
         f"set; valid: {IPV4_VALID}"),
        # ...and a netmask is refused, however narrow: SenderIPAddresses and EFSkipIPs
        # take CIDR ranges (ipaddress would read it and the script would carry it as is).
        ("server_ips", "203.0.112.0/255.255.254.0",
         "server_ips='203.0.112.0/255.255.254.0': '203.0.112.0/255.255.254.0' gives a "
         f"netmask: write its prefix length (such as /28); valid: {IPV4_VALID}"),
        ("server_ips", "203.0.113.0/255.255.255.240",
         "server_ips='203.0.113.0/255.255.255.240': '203.0.113.0/255.255.255.240' gives a "
         f"netmask: write its prefix length (such as /28); valid: {IPV4_VALID}"),
    ],
    ids=["private-smart-host", "bad-host-name", "smart-host-range", "smart-host-wildcard",
         "wide-with-host-bits", "two-slashes", "host-bits", "wide-netmask", "narrow-netmask"],
)
def test_refused_addresses_and_hosts_read_whole(key: str, value: str, message: str) -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {key: value})
    assert str(refusal.value) == message


DOMAINS_VALID = "comma-separated domain names such as contoso.com (international names allowed)"
LABEL_63 = "a" * 63
NAME_253 = ".".join([LABEL_63, LABEL_63, LABEL_63, "a" * 61])
NAME_254 = ".".join([LABEL_63, LABEL_63, LABEL_63, "a" * 62])


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("domains", "contoso .com", "'contoso .com' contains a space"),
        ("domains", "contoso..com", "'contoso..com' is not a valid domain name"),  # idna
        ("domains", "a" * 64 + ".com", f"{'a' * 64 + '.com'!r} is not a valid domain name"),
        ("domains", ".contoso.com", "'.contoso.com' is not a valid domain name"),
        ("domains", "*.contoso.com", "a wildcard (*.) is not allowed here"),
        ("domains", "mail*.contoso.com", "'mail*.contoso.com': * may only be the whole first "
         "label"),
        ("server_cert", "*.a*b.contoso.com", "'*.a*b.contoso.com': * may only be the whole "
         "first label"),
        ("domains", "mail.contoso.123", "'mail.contoso.123' is not a full domain name"),
        ("domains", NAME_254, f"{NAME_254!r} is longer than 253 characters"),
    ],
    ids=["space", "empty-label", "long-label", "leading-dot", "wildcard", "star-in-label",
         "second-star", "numeric-top-label", "254-characters"],
)
def test_refused_domain_names_read_whole(key: str, value: str, problem: str) -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {key: value})
    shown = value if len(value) <= 80 else value[:77] + "..."
    assert str(refusal.value) == f"{key}={shown!r}: {problem}; valid: {refusal.value.valid}"
    assert refusal.value.valid == (DOMAINS_VALID if key == "domains" else
                                   "one domain name such as mail.contoso.com; *. is allowed "
                                   "as the first label (*.contoso.com)")


def test_domain_names_at_the_limits_are_accepted() -> None:
    # A trailing dot (the DNS root) is dropped; a numeric label is fine but the last.
    assert parse_values(PLAN.kinds, {"domains": "contoso.com., mail.123.com"}) == {
        "domains": ["contoso.com", "mail.123.com"]
    }
    assert parse_values(PLAN.kinds, {"domains": NAME_253}) == {"domains": [NAME_253]}


@pytest.mark.parametrize("char", ["\x07", "\u200b", "\u2028", "\u2029"],
                         ids=["control", "zero-width-space", "line-separator",
                              "paragraph-separator"])
def test_control_and_invisible_characters_are_refused(char: str) -> None:
    value = f"contoso{char}.com"
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {"domains": value})
    assert str(refusal.value) == (
        f"domains={value!r}: contains a control or invisible character; valid: {DOMAINS_VALID}"
    )


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("domains", "contoso.com,,fabrikam.com", "has an empty item between commas"),
        ("server_cert", "a.contoso.com, b.contoso.com", "give one name"),
    ],
)
def test_refused_lists_read_whole(key: str, value: str, problem: str) -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {key: value})
    assert str(refusal.value) == f"{key}={value!r}: {problem}; valid: {refusal.value.valid}"
    assert refusal.value.valid and (refusal.value.key, refusal.value.value) == (key, value)


@pytest.mark.parametrize("address", ["127.0.0.1", "169.254.1.1", "224.0.0.1", "0.0.0.0",
                                     "172.16.5.4", "192.168.1.1", "100.64.0.1"],
                         ids=["loopback", "link-local", "multicast", "unspecified",
                              "private-172", "private-192", "shared-100"])
def test_no_address_of_a_reserved_kind_is_public(address: str) -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {"server_ips": address})
    assert str(refusal.value) == (
        f"server_ips={address!r}: {address!r} is not a public address; valid: {IPV4_VALID}"
    )


def test_an_unknown_kind_of_value_is_refused() -> None:
    from engine.plan_values import parse_value

    with pytest.raises(PlanValueError) as refusal:
        parse_value("printer", "x", "colour")
    assert str(refusal.value) == "printer='x': unknown kind 'colour'; valid: "
    assert (refusal.value.key, refusal.value.value) == ("printer", "x")


def test_a_name_ending_in_a_capital_x_keeps_it() -> None:
    assert parse_values(PLAN.kinds, {"domains": "Contoso.BOX."}) == {"domains": ["contoso.box"]}


def test_each_step_names_its_connector_and_the_identification_chosen(model: Model) -> None:
    plan = plan_for(model, SERVERS, {"server_cert": "mail.contoso.com"})
    assert [step["connector"] for step in plan["steps"]] == list(range(len(plan["steps"])))
    assert len(plan["steps"]) == 2
    assert plan["steps"][0]["admin_center"][-1] == (
        "Choose to identify your servers by certificate: enter the subject name "
        "mail.contoso.com."
    )
    by_ips = plan_for(model, SERVERS, {"server_ips": "203.0.113.10"})
    assert by_ips["steps"][0]["admin_center"][-1] == (
        "Choose to identify your servers by IP address: add 203.0.113.10."
    )


def test_a_step_without_powershell_says_why(model: Model) -> None:
    answers = {"service": "exchange-online", "servers": "exchange-2010-or-later",
               "hybrid": "yes", "hybrid_connectors": "missing", "partners": "no"}
    plan = plan_for(model, answers, {})
    first = plan["steps"][0]
    assert first["powershell"] == []
    assert first["notes"][-1] == PLAN.connectors["hybrid-your-servers-to-office-365"][
        "no_powershell"]


def test_a_recipe_may_leave_out_its_admin_center_lines(model: Model) -> None:
    connectors = json.loads(json.dumps(PLAN.connectors))
    del connectors["your-servers-to-office-365"]["admin_center"]
    del connectors["your-servers-to-office-365"]["identify"][0]["admin_center"]
    bare = PlanModel(PLAN.values, PLAN.cmdlets, connectors)
    plan = make_plan(bare, decide(model, SERVERS), {"server_cert": "mail.contoso.com"})
    assert plan["steps"][0]["admin_center"] == []
    assert plan["steps"][0]["powershell"]


def test_several_values_read_as_one_list_in_the_plan(model: Model) -> None:
    plan = plan_for(model, SERVERS, {"domains": "contoso.com, fabrikam.com"})
    assert plan["prerequisites"][0] == (
        "Add your domains as accepted domains in Microsoft 365: contoso.com, fabrikam.com."
    )
    assert "Use it for email sent to these domains: contoso.com, fabrikam.com." in (
        plan["steps"][1]["admin_center"]
    )
    assert "Route email through these smart hosts: <smart_hosts>." in (
        plan["steps"][1]["admin_center"]
    )
    assert plan_for(model, SERVERS, {})["steps"][1]["notes"] == [
        "No command is written until you give: domains, smart_hosts."
    ]


def test_the_fields_come_from_every_part_of_a_recipe(model: Model) -> None:
    """Each source of a field on its own: needs, needs_one_of, identify, enhanced_filtering
    and the values set (the shipped recipes name most keys in several of them)."""
    connectors = json.loads(json.dumps(PLAN.connectors))
    servers_in = connectors["your-servers-to-office-365"]  # needs_one_of only
    del servers_in["identify"]
    servers_out = connectors["office-365-to-your-servers"]  # the values set only
    del servers_out["needs"]
    service = connectors["service-to-office-365"]  # enhanced_filtering only
    del service["needs"]
    service["set"]["SenderIPAddresses"] = ["192.0.2.1"]
    plan = make_plan(PlanModel(PLAN.values, PLAN.cmdlets, connectors),
                     decide(model, {**SERVERS, "mx": "filtering-service"}),
                     {"domains": "contoso.com", "smart_hosts": "mail.contoso.com",
                      "service_ips": "192.0.2.0/24"})
    assert [f["key"] for f in plan["fields"]] == [
        "server_cert", "server_ips", "domains", "smart_hosts", "service_ips"]
    assert service["enhanced_filtering"] == "service_ips"


def test_a_recipe_without_base_settings_sets_only_its_identification(model: Model) -> None:
    connectors = json.loads(json.dumps(PLAN.connectors))
    del connectors["your-servers-to-office-365"]["set"]
    plan = make_plan(PlanModel(PLAN.values, PLAN.cmdlets, connectors), decide(model, SERVERS),
                     {"server_cert": "mail.contoso.com"})
    assert plan["steps"][0]["powershell"] == [
        "New-InboundConnector -Name 'Connector from your email servers' -ConnectorType "
        "'OnPremises' -TlsSenderCertificateName 'mail.contoso.com'"
    ]


def test_a_value_that_is_not_text_is_refused() -> None:
    with pytest.raises(PlanValueError) as refusal:
        parse_values(PLAN.kinds, {"domains": 5})
    assert str(refusal.value) == f"domains='5': a plan value is text; valid: {DOMAINS_VALID}"
    assert (refusal.value.key, refusal.value.value) == ("domains", "5")


def test_a_plan_has_exactly_the_contract_fields(model: Model) -> None:
    plan = plan_for(model, SERVERS, {})
    assert list(plan) == ["fields", "values", "prerequisites", "steps", "validation",
                          "missing_values", "script"]
    assert plan["script"].startswith("# Connector plan")
