"""Settings from a TOML file, the environment and flags: every value is checked where it is
loaded, and a bad one is a one-line error naming the setting, where it came from and what it
may be, before anything is read or stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.config import ConfigError, Settings, load_settings, with_flags

WIKINEWS = Path(__file__).resolve().parents[1] / "examples" / "wikinews"

BAD = [
    ("embedder", "gpt5", "one of auto, minilm, wordllama, tfidf"),
    ("dedup_permutations", "0", "an integer in [2, 8,192]"),
    ("dedup_threshold", "2", "a number in (0, 1]"),
    ("dedup_threshold", "0", "a number in (0, 1]"),
    ("dedup_shingle", "0", "an integer in [1, 1,000]"),
    ("brief_max_words", "0", "an integer in [1, 1,000,000]"),
    ("brief_max_words", "-3", "an integer in [1, 1,000,000]"),
    ("cluster_threshold", "nan", "a number in [0, 1]"),
    ("cluster_window_hours", "-1", "a number in (0, 1,000,000]"),
    ("cluster_window_hours", "inf", "a number in (0, 1,000,000]"),
    ("max_article_chars", "0", "an integer in [1, "),
    ("fetch_max_bytes", "-1", "an integer in [1, "),
    ("fetch_timeout", "0", "a number in (0, "),
    ("log_level", "loud", "one of debug, info, warning, error"),
    ("user_agent", "newsdesk\r\nX-Evil: 1", "a non-empty line of text"),
    ("db", "", "a non-empty line of text"),
    ("site_url", "ftp://news.example.org", "an http(s) URL like https://news.example.org"),
    ("site_url", "news.example.org", "an http(s) URL"),
    ("site_url", "https://news.example.org/?page=2", "an http(s) URL"),
]


def test_every_setting_has_its_allowed_values_and_the_defaults_pass() -> None:
    from newsdesk.config import _ALLOWED

    assert set(_ALLOWED) == {field.name for field in dataclasses.fields(Settings)}
    assert load_settings(environ={}) == Settings()


@pytest.mark.parametrize(("name", "value", "allowed"), BAD)
def test_a_value_out_of_range_is_refused_from_the_environment(
    name: str, value: str, allowed: str
) -> None:
    env_name = f"NEWSDESK_{name.upper()}"
    with pytest.raises(ConfigError) as error:
        load_settings(environ={env_name: value})
    message = str(error.value)
    assert message.startswith(f"${env_name}: setting {name!r} must be {allowed}")
    assert "\n" not in message


@pytest.mark.parametrize(("name", "value", "allowed"), BAD[:4])
def test_a_value_out_of_range_is_refused_from_a_file_and_from_a_flag(
    tmp_path: Path, name: str, value: str, allowed: str
) -> None:
    config = tmp_path / "newsdesk.toml"
    config.write_text(f"[newsdesk]\n{name} = {value!r}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"^{config}: setting '{name}' must be "):
        load_settings(config, environ={})
    flag = f"--{name.replace('_', '-')}"
    with pytest.raises(ConfigError, match=f"^{flag}: setting '{name}' must be "):
        load_settings(environ={}, overrides={name: value})


def test_toml_values_of_the_wrong_kind_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "newsdesk.toml"
    for line in (
        "brief_max_words = 2.5",
        "brief_max_words = true",
        "db = [1]",
        "dedup_shingle = inf",
    ):
        config.write_text(f"[newsdesk]\n{line}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=f"^{config}: setting "):
            load_settings(config, environ={})


def test_all_clustering_weights_zero_is_refused() -> None:
    zero = {f"NEWSDESK_CLUSTER_{w.upper()}_WEIGHT": "0" for w in ("dense", "term", "entity")}
    with pytest.raises(ConfigError, match="at least one must be above 0"):
        load_settings(environ=zero)
    load_settings(environ={**zero, "NEWSDESK_CLUSTER_TERM_WEIGHT": "1"})


@pytest.mark.parametrize(
    ("env_name", "value"),
    [
        ("NEWSDESK_EMBEDDER", "gpt5"),
        ("NEWSDESK_DEDUP_PERMUTATIONS", "0"),
        ("NEWSDESK_DEDUP_THRESHOLD", "2"),
    ],
)
def test_ingest_with_a_bad_setting_stops_before_storing_anything(
    tmp_path: Path, env_name: str, value: str
) -> None:
    """These used to print a traceback after committing the articles without stories."""
    db = tmp_path / "n.db"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "ingest", str(WIKINEWS / "M0090.english")], env={env_name: value}
    )
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr.splitlines()[-1].startswith(f"Error: ${env_name}: setting ")
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_site_url_comes_from_a_file_the_environment_or_a_flag(tmp_path: Path) -> None:
    assert Settings().site_url == "http://127.0.0.1:8000"  # `newsdesk serve`'s own address
    config = tmp_path / "newsdesk.toml"
    config.write_text('site_url = "https://file.example"\n', encoding="utf-8")
    assert load_settings(config, environ={}).site_url == "https://file.example"
    environ = {"NEWSDESK_SITE_URL": "https://env.example/news"}
    assert load_settings(config, environ=environ).site_url == "https://env.example/news"
    flagged = load_settings(config, environ=environ, overrides={"site_url": "http://flag:8080"})
    assert flagged.site_url == "http://flag:8080"
    # A command's own flag is checked as the global ones are.
    assert with_flags(flagged, site_url=None) == flagged
    assert with_flags(flagged, site_url="https://cmd.example").site_url == "https://cmd.example"
    with pytest.raises(ConfigError, match=r"^--site-url: setting 'site_url' must be an http"):
        with_flags(flagged, site_url="javascript:alert(1)")
