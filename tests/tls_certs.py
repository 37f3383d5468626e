"""Certificates for tests, made with `cryptography`: a CA and the leaves it signs; and a
TLS handshake limited to a protocol version."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class Issued:
    cert: Path
    key: Path
    ca: Path


class TestCA:
    """A CA in `folder`; issue() writes a leaf's tls.crt, tls.key and ca.crt in a folder
    of its own, as a cert-manager Secret mounted in a pod looks."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, folder: Path, name: str = "atende test CA") -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        self.cert = (
            _builder(subject, subject, self.key.public_key(), days=1)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.pem = self.cert.public_bytes(serialization.Encoding.PEM)
        (folder / "ca.crt").write_bytes(self.pem)

    def issue(self, name: str, names: tuple[str, ...] = ("localhost", "127.0.0.1"), folder: Path | None = None) -> Issued:
        folder = folder or self.folder / name
        folder.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        sans = [_general_name(n) for n in names]
        cert = (
            _builder(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]), self.cert.subject, key.public_key(), days=1)
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]), False)
            .sign(self.key, hashes.SHA256())
        )
        issued = Issued(folder / "tls.crt", folder / "tls.key", folder / "ca.crt")
        issued.key.write_bytes(
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        )
        issued.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        issued.ca.write_bytes(self.pem)
        return issued


def _builder(subject: x509.Name, issuer: x509.Name, public: ec.EllipticCurvePublicKey, days: int) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
    )


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def handshake(port: int, cafile: Path, highest: ssl.TLSVersion, host: str = "127.0.0.1") -> str:
    """A TLS handshake (to a server for localhost) with a client that offers nothing
    newer than `highest`; returns the version agreed, or raises ssl.SSLError."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile)
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.maximum_version = highest
    # OpenSSL 3 will not even offer TLS 1.0/1.1 at its default security level (their
    # SHA-1 handshake signatures are below level 1: "legacy sigalg disallowed"). Level 0
    # lets this client offer 1.1, so a refusal is the server's, not our own library's.
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with socket.create_connection((host, port), timeout=5) as sock:
        with context.wrap_socket(sock, server_hostname="localhost") as tls:
            return str(tls.version())
