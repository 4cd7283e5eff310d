"""Production settings refuse to start when required settings are missing or broken."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"
DATA_KEY = "cm90YXRlLW1lLWluLXByb2R1Y3Rpb24tMzItYnl0ZXM="  # 32 bytes, url-safe base64
HASH_KEY = "h4sh-" + "abcdefghijklmnopqrstuvwxyz0123456789"
PERSONAL_DATA = {"PERSONAL_DATA_KEYS": DATA_KEY, "PERSONAL_DATA_HASH_KEY": HASH_KEY}
BASELINE = {**PERSONAL_DATA, "SMS_BACKEND": "cases.sms.NotSendingBackend"}


def manage(*args, **env):
    dropped = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", *BASELINE}
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    # Valid personal data keys and an SMS backend unless a test gives its own ("" leaves
    # one unset).
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **BASELINE)
    environment.update(env)
    environment["VAR_DIR"] = env.get("VAR_DIR", str(ROOT / "var" / "test-production"))
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_missing_secret_key_stops_startup_naming_it():
    result = manage("check", ALLOWED_HOSTS="example.gov.cn")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_missing_allowed_hosts_stops_startup_naming_it():
    result = manage("check", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_weak_secret_key_is_refused():
    result = manage("check", SECRET_KEY="short", ALLOWED_HOSTS="example.gov.cn")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_broken_database_url_names_the_setting():
    result = manage(
        "check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.gov.cn", DATABASE_URL="nonsense://x"
    )
    assert result.returncode != 0 and "DATABASE_URL" in result.stderr


@pytest.mark.parametrize("variable", ["EMAIL_PORT", "SECURE_HSTS_SECONDS"])
def test_malformed_numbers_are_named(variable):
    result = manage(
        "check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.gov.cn", **{variable: "many"}
    )
    assert result.returncode != 0 and variable in result.stderr


def test_deploy_check_is_clean_with_sane_environment():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="mediation.example.gov.cn",
        SMS_BACKEND="cases.sms.NotSendingBackend",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("variable", ["PERSONAL_DATA_KEYS", "PERSONAL_DATA_HASH_KEY"])
def test_missing_personal_data_keys_stop_startup(variable):
    result = manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.gov.cn", **{variable: ""})
    assert result.returncode != 0
    assert "PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("PERSONAL_DATA_KEYS", "not-a-fernet-key"),
        ("PERSONAL_DATA_KEYS", f"{DATA_KEY},short"),
        ("PERSONAL_DATA_HASH_KEY", "too-short"),
    ],
)
def test_malformed_personal_data_keys_are_named(variable, value):
    result = manage(
        "check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.gov.cn", **{variable: value}
    )
    assert result.returncode != 0 and variable in result.stderr


def test_sms_backend_must_be_named_explicitly():
    result = manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="example.gov.cn", SMS_BACKEND="")
    assert result.returncode != 0 and "SMS_BACKEND" in result.stderr


def test_the_tests_memory_sms_backend_is_refused():
    result = manage(
        "check",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.gov.cn",
        SMS_BACKEND="cases.sms.MemoryBackend",
    )
    assert result.returncode != 0 and "tests only" in result.stderr


def test_sms_gateway_without_its_address_is_refused():
    result = manage(
        "check",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.gov.cn",
        SMS_BACKEND="cases.sms.gateway.HttpGatewayBackend",
        SMS_GATEWAY_ACCOUNT="center",
        SMS_GATEWAY_SECRET="secret",
    )
    assert result.returncode != 0 and "SMS_GATEWAY_URL" in result.stderr


def test_malformed_gateway_templates_fail_the_checks():
    result = manage(
        "check",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="example.gov.cn",
        SMS_BACKEND="cases.sms.gateway.HttpGatewayBackend",
        SMS_GATEWAY_URL="https://sms.example.gov.cn/api/send",
        SMS_GATEWAY_ACCOUNT="center",
        SMS_GATEWAY_SECRET="secret",
        SMS_GATEWAY_TEMPLATES="confirmation=T1,bad",
    )
    assert result.returncode != 0 and "cases.E011" in result.stderr
