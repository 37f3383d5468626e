"""mTLS between the services (and from the gateway), when configured.

Environment (the same names in every service; all three, or none for plaintext):
  ATENDE_TLS_CERT   this service's certificate (PEM, chain first): served to callers, and
                    presented as the client certificate on its own calls to other services
  ATENDE_TLS_KEY    its private key
  ATENDE_TLS_CA     the CA bundle of the mesh: a caller must present a certificate that
                    chains to it (mutual TLS), and the services called must too

  ATENDE_TLS_RELOAD_SECONDS   how often (at most) the files are looked at for a renewal (5)

In Kubernetes, components/mtls mounts a cert-manager Secret (tls.crt, tls.key, ca.crt)
and sets these. cert-manager renews them in place: the server serves the new pair from
its next handshake, and a service's channels (open_channel) move their new calls to a
fresh connection with the new client certificate. Plaintext servers and channels stay
the default, for the local stack and the tests."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger("atende.tls")


class TlsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ATENDE_TLS_", extra="ignore")

    cert: Path | None = None
    key: Path | None = None
    ca: Path | None = None
    # Seconds between looks at the files for a renewed certificate (at a handshake).
    reload_seconds: float = 5.0

    @model_validator(mode="after")
    def _all_or_none(self) -> TlsSettings:
        given = [name for name in ("cert", "key", "ca") if getattr(self, name) is not None]
        if given and len(given) != 3:
            missing = ", ".join(f"ATENDE_TLS_{name.upper()}" for name in ("cert", "key", "ca") if name not in given)
            raise ValueError(f"mTLS needs ATENDE_TLS_CERT, ATENDE_TLS_KEY and ATENDE_TLS_CA; missing {missing}")
        return self

    @property
    def enabled(self) -> bool:
        return self.cert is not None


@dataclass(frozen=True)
class _Files:
    cert: bytes
    key: bytes
    ca: bytes


def _read(settings: TlsSettings) -> _Files:
    assert settings.cert and settings.key and settings.ca, "TLS is not configured"
    return _Files(settings.cert.read_bytes(), settings.key.read_bytes(), settings.ca.read_bytes())


class _ReloadingServerCredentials:
    """grpc's dynamic server credentials: before each handshake (at most once a
    `interval` seconds) the files are read again, and a changed pair is served from
    then on. A file caught half-written keeps the previous pair until the next look."""

    def __init__(self, settings: TlsSettings, interval: float = 5.0) -> None:
        self._settings = settings
        self._interval = interval
        self._clock = time.monotonic
        self._lock = threading.Lock()
        self._files = _read(settings)
        self._checked = self._clock()

    def initial(self) -> grpc.ServerCertificateConfiguration:
        return _configuration(self._files)

    def fetch(self) -> grpc.ServerCertificateConfiguration | None:
        with self._lock:
            if self._clock() - self._checked < self._interval:
                return None
            self._checked = self._clock()
            try:
                files = _read(self._settings)
            except OSError:
                log.warning("TLS files unreadable; serving the previous certificate", exc_info=True)
                return None
            if files == self._files:
                return None
            if not _pair_matches(files):  # caught between the certificate and the key
                return None
            self._files = files
            log.info("TLS certificate reloaded", extra={"cert": str(self._settings.cert)})
            return _configuration(files)


def _pair_matches(files: _Files) -> bool:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        cert = x509.load_pem_x509_certificate(files.cert)
        key = serialization.load_pem_private_key(files.key, password=None)
    except ValueError:
        return False
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki))


def _configuration(files: _Files) -> grpc.ServerCertificateConfiguration:
    return grpc.ssl_server_certificate_configuration([(files.key, files.cert)], root_certificates=files.ca)


def server_credentials(settings: TlsSettings) -> grpc.ServerCredentials:
    """TLS that requires a client certificate chaining to ATENDE_TLS_CA, with the
    certificate re-read when its files change."""
    reloading = _ReloadingServerCredentials(settings, settings.reload_seconds)
    # grpc's stub types the callback's result without its None ("keep the current pair").
    fetch: Callable[[], grpc.ServerCertificateConfiguration] = reloading.fetch  # type: ignore[assignment]
    return grpc.dynamic_ssl_server_credentials(reloading.initial(), fetch, require_client_authentication=True)


class ClientTls:
    """This service's client side of mTLS: channel credentials from its files, made
    again when the files change (looked at, at most once a reload_seconds, as calls
    are made: see ContextChannel in atende_runtime/channels.py)."""

    def __init__(self, settings: TlsSettings) -> None:
        self._settings = settings
        self._files = _read(settings)
        self.credentials = _channel_credentials(self._files)
        self._checked = time.monotonic()

    def renewed(self) -> bool:
        """True when the files hold a new certificate: self.credentials are new."""
        if time.monotonic() - self._checked < self._settings.reload_seconds:
            return False
        self._checked = time.monotonic()
        try:
            files = _read(self._settings)
        except OSError:
            return False
        if files == self._files or not _pair_matches(files):
            return False
        self._files = files
        self.credentials = _channel_credentials(files)
        log.info("TLS client certificate reloaded", extra={"cert": str(self._settings.cert)})
        return True


def _channel_credentials(files: _Files) -> grpc.ChannelCredentials:
    return grpc.ssl_channel_credentials(root_certificates=files.ca, private_key=files.key, certificate_chain=files.cert)


def client_tls(settings: TlsSettings | None = None) -> ClientTls | None:
    """The client side of mTLS when ATENDE_TLS_* (or `settings`) configure it, else None."""
    tls = TlsSettings() if settings is None else settings
    return ClientTls(tls) if tls.enabled else None


def aio_channel(target: str, options: Sequence[tuple[str, Any]], tls: ClientTls | None) -> grpc.aio.Channel:
    """A grpc.aio channel to another service: mTLS with `tls`, plaintext without."""
    if tls is not None:
        return grpc.aio.secure_channel(target, tls.credentials, options=options)
    return grpc.aio.insecure_channel(target, options=options)
