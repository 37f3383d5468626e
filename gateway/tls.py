"""The gateway's local certificate: a self-signed one for localhost, made once.

`make run` (devstack) and `python -m gateway.render` call ensure_self_signed(folder)
when no GATEWAY_TLS_CERT / GATEWAY_TLS_KEY are configured. The certificate (EC P-256,
for localhost, 127.0.0.1 and ::1) is written to FOLDER/gateway.crt and its key to
FOLDER/gateway.key (mode 0600); later runs reuse them, and a new pair is made only when
the files are missing, unreadable or expire within a week. Clients trust it with
`curl --cacert FOLDER/gateway.crt` or grpc.ssl_channel_credentials(root_certificates=...).
Nothing is downloaded: the `cryptography` package does the work."""

from __future__ import annotations

import datetime
import ipaddress
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CERT_NAME = "gateway.crt"
KEY_NAME = "gateway.key"
VALIDITY = datetime.timedelta(days=825)  # the longest that macOS and browsers accept
RENEW_WITHIN = datetime.timedelta(days=7)
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def ensure_self_signed(folder: Path, names: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """(certificate, key) in `folder`, generated unless a valid pair covering `names`
    (besides localhost and the loopback addresses) is already there."""
    cert_path, key_path = folder / CERT_NAME, folder / KEY_NAME
    wanted = _names((*LOOPBACK, *names))
    if not _usable(cert_path, key_path, wanted):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        cert, key = self_signed(wanted)
        _write(key_path, key, 0o600)
        _write(cert_path, cert, 0o644)
    return cert_path, key_path


def self_signed(names: tuple[str, ...]) -> tuple[bytes, bytes]:
    """A self-signed server certificate for `names` (DNS names or IP addresses) and its
    key, both PEM. The first name is the subject's common name."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "atende (local)"), x509.NameAttribute(NameOID.COMMON_NAME, names[0])]
    )
    now = datetime.datetime.now(datetime.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.SubjectAlternativeName([_general_name(name) for name in names]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def local_names(bind: str) -> tuple[str, ...]:
    """Names a local certificate covers besides the loopback ones: the bind address
    when it is a specific one (GATEWAY_BIND=192.168.1.5 for phones on the LAN)."""
    return () if bind in ("0.0.0.0", "::", *LOOPBACK) else (bind,)


def _names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.lower() for name in names))


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def _usable(cert_path: Path, key_path: Path, names: tuple[str, ...]) -> bool:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError):
        return False
    if cert.not_valid_after_utc - datetime.datetime.now(datetime.UTC) < RENEW_WITHIN:
        return False
    if _spki(cert.public_key()) != _spki(key.public_key()):
        return False
    try:
        covered = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return False
    return all(_general_name(name) in covered for name in names)


def _spki(public: object) -> bytes:
    """A public key's DER SubjectPublicKeyInfo: equal bytes, equal keys."""
    assert hasattr(public, "public_bytes")
    der: bytes = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return der


def _write(path: Path, data: bytes, mode: int) -> None:
    """Written beside and renamed into place: a reader never sees half a file, and the
    key is never readable by others, not even for a moment."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)
    os.chmod(temporary, mode)
    os.replace(temporary, path)
