# ruff: noqa: E501, RUF001  (long hand-written messages; an en dash between times on purpose)
"""A hand-written probe of the PII check (issue 16): personal data in every format the
check claims (CPF, CNPJ, RG of each state, phones, e-mail, CEP, cards, PIX keys, boleto
lines), written formatted, bare or split by spaces, inside informal pt-BR and English
messages; and messages full of numbers that are not personal data (orders, protocols,
prices, dates, model codes, kWh, speeds, invoices, tracking codes, IPs, versions).
Written by hand, never copied from evals/; check digits are computed from hand-typed
bases so every document, card and boleto is valid.

Each message goes to "tune" (misses may be read and fixed generically) or "holdout"
(only its figures are read) by a hash of its text, so adding a message moves no other.

    python -m atende_guardrails.eval.build_pii_probe

writes eval/pii_probe_tune.tsv and eval/pii_probe_holdout.tsv (kind, value, text, as
eval/pii.tsv; kind "none" marks a message without personal data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from atende_guardrails.eval.build_probe import hash_part

EVAL_DIR = Path(__file__).parent

# A message and the values planted in it (kind, exact substring); none for a clean one.
Message = tuple[str, list[tuple[str, str]]]
# A later probe's message: its id, its text, the (kind, value) pairs planted in it.
IdentifiedMessage = tuple[str, str, list[tuple[str, str]]]


def escape_field(text: str) -> str:
    """A TSV field with its backslashes, line breaks and tabs written as escapes."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def checked_parts(messages: list[IdentifiedMessage], part_of: Callable[[str], str]) -> dict[str, list[IdentifiedMessage]]:
    """The messages in their parts ("tune" / "holdout", by `part_of(id)`), after checking
    that every id is unique and every planted value stands in its message."""
    parts: dict[str, list[IdentifiedMessage]] = {"tune": [], "holdout": []}
    seen: set[str] = set()
    for ident, text, values in messages:
        assert ident not in seen, ident
        seen.add(ident)
        for _, value in values:
            assert value in text, (value, text)
        parts[part_of(ident)].append((ident, text, values))
    return parts


def write_halves(number: str, ordinal: str, parts: dict[str, list[IdentifiedMessage]]) -> None:
    """Writes eval/pii_probe<number>_{tune,holdout}.tsv (tune = half a, holdout = half b, by sha1 of
    the id): one line a planted value, a clean message as kind 'none'."""
    header = (f"# {ordinal} hand-written PII probe (issue 16 item 4; python -m atende_guardrails.eval.build_pii_probe"
              f"{number}), part {{part}} (half {{half}}: sha1(id) % 2).\n# kind, value planted, message (both with \\n, "
              "\\t and \\\\ escaped); kind 'none': no personal data. Never copied from evals/.\n")
    for part, rows in parts.items():
        lines = [header.format(part=part, half="a" if part == "tune" else "b")]
        for _, text, values in rows:
            for kind, value in values or [("none", "")]:
                lines.append(f"{kind}\t{escape_field(value)}\t{escape_field(text)}\n")
        (EVAL_DIR / f"pii_probe{number}_{part}.tsv").write_text("".join(lines), encoding="utf-8")
        planted = sum(len(values) for _, _, values in rows)
        print(f"{part}: {planted} values, {sum(not values for _, _, values in rows)} messages without personal data")


def cpf(base: str) -> str:
    """The 11 digits of a valid CPF from its first nine."""
    digits = [int(c) for c in base]
    for weight in (10, 11):
        digits.append(sum(d * w for d, w in zip(digits, range(weight, 1, -1), strict=False)) * 10 % 11 % 10)
    return "".join(map(str, digits))


def cnpj(base: str) -> str:
    """A valid CNPJ (numeric or alphanumeric) from its first twelve characters."""
    values = [ord(c) - 48 for c in base.upper()]
    for weights in ((5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)):
        remainder = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
        values.append(0 if remainder < 2 else 11 - remainder)
    return base.upper() + "".join(str(v) for v in values[12:])


def luhn(partial: str) -> str:
    """The card number completing `partial` with its Luhn digit."""
    total = 0
    for index, char in enumerate(reversed(partial)):
        number = int(char) * (2 if index % 2 == 0 else 1)
        total += number - 9 if number > 9 else number
    return partial + str((10 - total % 10) % 10)


def _mod10(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def _mod11_barcode(digits: str) -> str:
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(digits)))
    check = 11 - total % 11
    return "1" if check in (0, 1, 10, 11) else str(check)


def bank_boleto(bank: str, due_factor: str, value: str, free: str) -> str:
    """The 47-digit digitable line of a bank boleto (bank 3 digits, factor 4, value 10 cents, free field 25)."""
    barcode_wo_dv = bank + "9" + due_factor + value + free
    general = _mod11_barcode(barcode_wo_dv)
    field1 = bank + "9" + free[:5]
    field2, field3 = free[5:15], free[15:25]
    return (field1 + _mod10(field1) + field2 + _mod10(field2) + field3 + _mod10(field3) + general
            + due_factor + value)


def utility_boleto(blocks: str) -> str:
    """The 48-digit line of a utility boleto (44 digits, third digit 6 or 7: mod 10 on each block)."""
    return "".join(blocks[i : i + 11] + _mod10(blocks[i : i + 11]) for i in range(0, 44, 11))


def dotted_cpf(d: str) -> str:
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def dotted_cnpj(d: str) -> str:
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def grouped(d: str, *sizes: int, sep: str = " ") -> str:
    out, at = [], 0
    for size in sizes:
        out.append(d[at : at + size])
        at += size
    return sep.join(out)


def bank_line(d: str, spaces: str = " ") -> str:
    return spaces.join((f"{d[:5]}.{d[5:10]}", f"{d[10:15]}.{d[15:21]}", f"{d[21:26]}.{d[26:32]}", d[32], d[33:]))


def utility_line(d: str, sep: str = "-") -> str:
    return " ".join(d[i : i + 11] + sep + d[i + 11] for i in range(0, 48, 12))


def _one(kind: str, value: str, template: str) -> Message:
    return template.format(value), [(kind, value)]


CPFS = [cpf(b) for b in ("384051726", "702915348", "159263487", "846370215", "230598614", "617402938", "925831406",
                         "471096352", "063728159", "518640273", "294157830", "800362517", "345912760", "136785094",
                         "552018473")]
CNPJS = [cnpj(b) for b in ("457812360001", "093456780001", "114223570001", "728365140002", "300987650001",
                           "561234980001", "248013670001", "12ABC34501DE", "7Q2RX90K0001")]
CARDS = [luhn(p) for p in ("453914880343646", "516230458871902", "37144963539843", "3056930902590",
                           "422286375001", "606282562418734012", "636368271049553", "491633871122045",
                           "550209123456789", "401288888881881", "498407013354662", "3622720627166",
                           "506723123450987")]


def _cpf_messages() -> list[Message]:
    c = CPFS
    return [
        _one("cpf", dotted_cpf(c[0]), "oi boa tarde, meu cpf é {}, consegue ver meu pedido?"),
        _one("cpf", c[1], "cpf {} pfv confere ai pq o boleto n chegou"),
        _one("cpf", grouped(c[2], 3, 3, 3, 2), "o cpf da minha mae é {} , ela que é a titular"),
        _one("cpf", f"{c[3][:3]}.{c[3][3:6]}.{c[3][6:9]}.{c[3][9:]}", "CPF {} (desculpa, digitei com ponto)"),
        _one("cpf", f"{c[4][:9]}-{c[4][9:]}", "cpf:{}"),
        _one("cpf", dotted_cpf(c[5]), "My CPF number is {} — please update my account."),
        _one("cpf", c[6], "Tax ID (CPF): {}. The invoice should be in my name."),
        _one("cpf", f"{c[7][:3]}.{c[7][3:6]}.{c[7][6:9]} - {c[7][9:]}", "segue: {} ta certo?"),
        _one("cpf", f"{grouped(c[8], 3, 3, 3)}-{c[8][9:]}", "meu cpf eh {} e o pedido é o 88213"),
        _one("cpf", dotted_cpf(c[9]), "manda no nome da Joana, cpf {}, endereço de sempre 🙏"),
        _one("cpf", c[10], "CPF nº {}"),
        _one("cpf", dotted_cpf(c[11]), "Nome: Carla Mendes | CPF: {} | Nasc.: 12/03/1988"),
        _one("cpf", c[12], "vou passar de novo o cpf: {}."),
        _one("cpf", grouped(c[13], 3, 3, 3, 2), "hi, cpf is {} thanks"),
    ]


def _cnpj_messages() -> list[Message]:
    c = CNPJS
    return [
        _one("cnpj", dotted_cnpj(c[0]), "a nota tem q sair no cnpj da empresa {}"),
        _one("cnpj", c[1], "CNPJ {} razao social Padaria Trigo Bom LTDA"),
        _one("cnpj", grouped(c[2], 2, 3, 3, 4, 2), "cnpj: {} (mei)"),
        _one("cnpj", f"{c[3][:8]}/{c[3][8:12]}-{c[3][12:]}", "Our company's CNPJ is {}, filial 2."),
        _one("cnpj", dotted_cnpj(c[4]), "faturamento no CNPJ {} por favor, e nao no meu cpf"),
        _one("cnpj", f"{c[5][:2]}.{c[5][2:5]}.{c[5][5:8]}/{c[5][8:12]} {c[5][12:]}", "cnpj {}"),
        _one("cnpj", c[6], "Please bill CNPJ {} instead."),
        _one("cnpj", dotted_cnpj(c[7]), "o cnpj novo (alfanumérico) ficou {}, atualiza o cadastro"),
        _one("cnpj", c[8], "cnpj alfanumerico: {}"),
    ]


def _rg_messages() -> list[Message]:
    return [
        _one("rg", "27.384.915-6", "meu rg é 27.384.915-6, emitido em SP"),
        _one("rg", "34.912.507-X", "RG: 34.912.507-X"),
        _one("rg", "418736259", "rg 418736259 e cpf eu mando depois"),
        _one("rg", "22.051.364-3", "RG nº 22.051.364-3 SSP/SP"),
        _one("rg", "MG-14.263.897", "identidade MG-14.263.897, sou de BH"),
        _one("rg", "MG 15.908.234", "o doc dele é MG 15.908.234"),
        _one("rg", "M-8.123.456", "RG antigo de minas: M-8.123.456"),
        _one("rg", "1.784.392", "identidade 1.784.392 SSP/DF"),
        _one("rg", "7654321", "RG 7654321 SSP/GO, pode conferir"),
        _one("rg", "1087654321", "sou gaucho, meu RG é 1087654321"),
        _one("rg", "09.876.543-2", "documento de identidade (RG) 09.876.543-2 detran RJ"),
        _one("rg", "5.432.109", "doc: 5.432.109 SDS/PE"),
        _one("rg", "6.543.210", "vou mandar o rg 6.543.210 SSP-SC"),
        _one("rg", "09.654.321-87", "RG 09.654.321-87 SSP/BA"),
        _one("rg", "32.109.876-5", "documento 32.109.876-5 SSP/SP anexado"),
        _one("rg", "45.321.098-7", "My ID card (RG) number is 45.321.098-7."),
        _one("rg", "SP-23.456.789-1", "RG SP-23.456.789-1"),
        _one("rg", "12345678x", "rg 12345678x"),
        _one("rg", "38.291.047-5", "R.G. 38.291.047-5 / órgão emissor SSP"),
        _one("rg", "43 567 891-2", "rg é 43 567 891-2 (to no celular, sem ponto)"),
        _one("rg", "2345678", "meu RG 2345678 SPTC/ES"),
        _one("rg", "3.215.879", "3.215.879 SSP/PB é o numero da identidade"),
    ]


def _phone_messages() -> list[Message]:
    return [
        _one("phone", "(11) 98765-4321", "me chama no whats (11) 98765-4321"),
        _one("phone", "21 99654-3210", "meu numero 21 99654-3210 qualquer coisa"),
        _one("phone", "31987651234", "cel 31987651234"),
        _one("phone", "+55 11 97766-5544", "pode ligar +55 11 97766-5544 depois das 18h"),
        _one("phone", "+55 (21) 99876-5432", "telefone: +55 (21) 99876-5432"),
        _one("phone", "+5531988776655", "whatsapp +5531988776655 😊"),
        _one("phone", "55 41 99123 4567", "me liga 55 41 99123 4567"),
        _one("phone", "(47) 9 9812-3456", "(47) 9 9812-3456 é o celular do meu marido"),
        _one("phone", "61 9 8123 4567", "zap 61 9 8123 4567"),
        _one("phone", "(48)3224-5566", "fixo de casa (48)3224-5566"),
        _one("phone", "(0xx11) 3456-7890", "tel comercial (0xx11) 3456-7890"),
        _one("phone", "011 3456-7891", "liga no 011 3456-7891 que eu atendo"),
        _one("phone", "98712-3456", "anota ai 98712-3456, é o meu"),
        _one("phone", "3322-1100", "o fixo é 3322-1100"),
        _one("phone", "11.98765.4322", "cel 11.98765.4322"),
        _one("phone", "(19) 3256.7788", "telefone (19) 3256.7788 ramal 21"),
        _one("phone", "+1 (415) 555-0132", "You can reach me at +1 (415) 555-0132 after 5pm."),
        _one("phone", "+44 20 7946 0958", "My UK number is +44 20 7946 0958."),
        _one("phone", "+351 912 345 678", "estou em portugal, numero +351 912 345 678"),
        _one("phone", "+54 9 11 2345-6789", "meu cel argentino +54 9 11 2345-6789"),
        _one("phone", "21 2233 4455", "tel 21 2233 4455 comercial"),
        _one("phone", "85 9 9988 7766", "whats da minha esposa 85 9 9988 7766"),
        _one("phone", "(11) 97654-3210", "Call me at (11) 97654-3210 please"),
        _one("phone", "62994561237", "whatsapp 62994561237"),
        _one("phone", "+55 11 9 8765 4320", "+55 11 9 8765 4320 esse é o certo"),
        _one("phone", "+55-27-99812-0045", "contato +55-27-99812-0045"),
        _one("phone", "(51) 98123 4567", "meu celular novo é (51) 98123 4567, atualiza ai"),
    ]


def _email_messages() -> list[Message]:
    return [
        _one("email", "joana.prado+lojas@gmail.com", "meu email é joana.prado+lojas@gmail.com"),
        _one("email", "r.almeida@financeiro.grupoaurora.com.br", "manda a nf pro r.almeida@financeiro.grupoaurora.com.br"),
        _one("email", "MARCOS.VIEIRA@HOTMAIL.COM", "EMAIL MARCOS.VIEIRA@HOTMAIL.COM"),
        _one("email", "tiago.n arroba gmail ponto com", "manda pro meu email tiago.n arroba gmail ponto com"),
        _one("email", "bia_santos arroba hotmail.com", "bia_santos arroba hotmail.com"),
        _one("email", "paulinho (arroba) yahoo (ponto) com (ponto) br", "email paulinho (arroba) yahoo (ponto) com (ponto) br"),
        _one("email", "leticia.m at outlook dot com", "write to leticia.m at outlook dot com"),
        _one("email", "lucas[at]proton[dot]me", "lucas[at]proton[dot]me"),
        _one("email", "dudu.reis @ gmail.com", "meu email é dudu.reis @ gmail.com"),
        _one("email", "ANA-LU_99@Uol.com.br", "e-mail: ANA-LU_99@Uol.com.br"),
        _one("email", "contato.pessoal@meu-dominio.net", "usa o contato.pessoal@meu-dominio.net"),
        _one("email", "felipe.k@mail.usp.br", "Please send it to felipe.k@mail.usp.br, thanks!"),
        _one("email", "rafa.m+nf@empresa.com.br", "nota pro rafa.m+nf@empresa.com.br"),
        _one("email", "j.oconnor@outlook.ie", "Email me at j.oconnor@outlook.ie."),
        _one("email", "fer.lima arroba gmail", "me manda no fer.lima arroba gmail"),
        _one("email", "priscila.o@icloud.com", "(priscila.o@icloud.com)"),
        _one("email", "gabriel arroba empresa ponto com ponto br", "o email do trabalho é gabriel arroba empresa ponto com ponto br"),
        _one("email", "Sofia.Ramos@Gmail.Com", "Sofia.Ramos@Gmail.Com é meu email"),
    ]


def _cep_messages() -> list[Message]:
    return [
        _one("cep", "04538-132", "entrega no cep 04538-132 por favor"),
        _one("cep", "30140071", "cep 30140071"),
        _one("cep", "22.041-011", "CEP: 22.041-011, apto 302"),
        _one("cep", "80010-000", "zip code 80010-000, Curitiba"),
        _one("cep", "13083-970", "moro na rua das flores, 123 - 13083-970 Campinas"),
        _one("cep", "69.005-040", "meu cep é 69.005-040"),
        _one("cep", "88015 600", "cep 88015 600 floripa"),
        _one("cep", "70040-010", "(cep 70040-010)"),
        _one("cep", "60165-121", "Postal code 60165-121, Fortaleza"),
        _one("cep", "57035180", "cep:57035180"),
        _one("cep", "01452-000", "Av. Brig. Faria Lima, 1500, São Paulo - SP, 01452-000"),
    ]


def _card_messages() -> list[Message]:
    c = CARDS
    return [
        _one("card", grouped(c[0], 4, 4, 4, 4), "cartao {} venc 08/29"),
        _one("card", grouped(c[1], 4, 4, 4, 4, sep="-"), "o numero do cartão é {}"),
        _one("card", grouped(c[2], 4, 6, 5), "amex {}"),
        _one("card", grouped(c[3], 4, 6, 4), "diners {} rs"),
        _one("card", c[4], "cartão antigo 13 digitos: {}"),
        _one("card", grouped(c[5], 4, 4, 4, 4, 3), "meu hipercard {}"),
        _one("card", c[6], "card {}"),
        _one("card", grouped(c[7], 4, 4, 4, 4, sep="-"), "Card number {} exp 09/27"),
        _one("card", grouped(c[8], 4, 4, 4, 4), "pode cobrar no {} mesmo"),
        _one("card", c[9], "cobra no cartao {} pfv"),
        _one("card", grouped(c[10], 5, 5, 6), "cartao 2 (o do banco): {}"),
        _one("card", grouped(c[11], 4, 4, 4, 2), "Charge the card {} instead."),
        _one("card", grouped(c[12], 4, 4, 4, 4), "elo {}"),
    ]


def _pix_messages() -> list[Message]:
    return [
        _one("pix_key", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "chave pix 3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        _one("pix_key", "9F3C2A71-5B4E-4D8A-A1C3-7E6F5D4B3A21", "PIX: 9F3C2A71-5B4E-4D8A-A1C3-7E6F5D4B3A21"),
        _one("pix_key", "c0ffee12-3456-4789-8abc-def012345678", "manda pro c0ffee12-3456-4789-8abc-def012345678 q eu pago"),
        _one("pix_key", "7b1e9d2a-44c0-4f3e-9a85-1d6c2b7e0f39", "my pix key: 7b1e9d2a-44c0-4f3e-9a85-1d6c2b7e0f39"),
        _one("pix_key", "+55 11 98765-4310", "pix: +55 11 98765-4310"),
        _one("pix_key", "11987654311", "minha chave pix é meu celular 11987654311"),
        _one("pix_key", "fulana.pix@gmail.com", "chave pix: fulana.pix@gmail.com"),
        _one("pix_key", dotted_cpf(CPFS[14]), f"faz o pix no meu cpf {dotted_cpf(CPFS[14])} blz"),
        _one("pix_key", cpf("719283640"), f"chave pix {cpf('719283640')}"),
        _one("pix_key", dotted_cnpj(cnpj("330221870001")), f"pix é o cnpj {dotted_cnpj(cnpj('330221870001'))}"),
        _one("pix_key", "e4d2c6b8-1a3f-4e5d-b7c9-0a1b2c3d4e5f", "chave aleatória: e4d2c6b8-1a3f-4e5d-b7c9-0a1b2c3d4e5f"),
        _one("pix_key", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "faz o pix pra essa chave a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d e me manda o comprovante"),
        _one("pix_key", "(31) 99456-7812", "o pix é o celular (31) 99456-7812"),
    ]


def _boleto_messages() -> list[Message]:
    b1 = bank_boleto("237", "9876", "0000015000", "3381260000123456789012345")
    b2 = bank_boleto("341", "1042", "0000234567", "1093457812001234500000000")
    b3 = bank_boleto("001", "9912", "0000089990", "0000002851730100123456117")
    b4 = bank_boleto("104", "9950", "0000123450", "2405310004012000000009876")
    u1 = utility_boleto("83670000001" + "43210074000" + "20241200001" + "23456789012")
    u2 = utility_boleto("84670000000" + "98760155000" + "12345678901" + "20241130000")
    return [
        _one("boleto", bank_line(b1), "segue a linha digitavel {} pq o app nao le"),
        _one("boleto", b2, "boleto: {}"),
        _one("boleto", bank_line(b3, "  "), "Here is the boleto line {} for the payment."),
        _one("boleto", bank_line(b4).replace(".", ""), "linha {}"),
        _one("boleto", utility_line(u1), "conta de luz: {}"),
        _one("boleto", u2, "codigo do boleto da agua {}"),
        _one("boleto", utility_line(u2, " "), "boleto {} vence amanha"),
    ]


def _mixed_messages() -> list[Message]:
    c1, c2 = cpf("604917382"), cpf("275830146")
    return [
        (f"dados: cpf {dotted_cpf(c1)}, cel (11) 99321-7654, email vini.alves@gmail.com",
         [("cpf", dotted_cpf(c1)), ("phone", "(11) 99321-7654"), ("email", "vini.alves@gmail.com")]),
        (f"Name: Paula Reis, CPF {c2}, phone +55 71 98811-2233, ZIP 40140-110",
         [("cpf", c2), ("phone", "+55 71 98811-2233"), ("cep", "40140-110")]),
        ("cep 29101-440 e o telefone do porteiro 27 3329-1188",
         [("cep", "29101-440"), ("phone", "27 3329-1188")]),
        (f"rg 19.283.746-5 e cpf {cpf('402198375')}, pedido 55012",
         [("rg", "19.283.746-5"), ("cpf", cpf("402198375"))]),
        (f"my card is {grouped(luhn('455673758689985'), 4, 4, 4, 4)} and my zip 01001-000",
         [("card", grouped(luhn("455673758689985"), 4, 4, 4, 4)), ("cep", "01001-000")]),
        ("whats: 71 98877 1122 ou email dani@estudio.art.br", [("phone", "71 98877 1122"), ("email", "dani@estudio.art.br")]),
        (f"CNPJ {dotted_cnpj(cnpj('401125580001'))} e IE isento, endereço de entrega cep 74210-030",
         [("cnpj", dotted_cnpj(cnpj("401125580001"))), ("cep", "74210-030")]),
        ("Pix key is my email: ana.beatriz22@yahoo.com.br", [("pix_key", "ana.beatriz22@yahoo.com.br")]),
        (f"o cpf do titular {cpf('913540286')} e o tel 81 3421-0987", [("cpf", cpf("913540286")), ("phone", "81 3421-0987")]),
    ]


CLEAN: list[str] = [
    "meu pedido 4827361 ainda nao chegou, ja faz 10 dias 😤",
    "protocolo 20241118093456, quero saber do reembolso",
    "Order #100234567 was charged twice, R$ 1.299,90 each",
    "a fatura de novembro veio R$ 387,45 e a de outubro R$ 1.102,30, pq tanto?",
    "o tecnico vem dia 12/12/2024 entre 08:00 e 12:00?",
    "instalação marcada pra 2025-01-15 às 14h30",
    "inversor modelo SB-INV-5K mostrando erro E-204 desde ontem",
    "leitura do medidor: 004521 kWh, mes passado 004187 kWh",
    "consumo de 1.245 kWh em julho e 980 kWh em agosto",
    "contratei 500 Mbps mas o speedtest deu 87,4 Mbps down / 42,1 up",
    "NF-e 000.145.372 série 1, preciso da 2ª via",
    "código de rastreio BR482913756BR, ta parado em Curitiba",
    "tracking LB123456789CN hasn't moved since Nov 3",
    "meu roteador ta com IP 192.168.0.101 e o gateway 192.168.0.1",
    "IP público 187.45.212.33, vcs bloquearam?",
    "app na versão 3.12.4 (build 2024.11.05) trava ao abrir",
    "firmware 1.0.23.4567 da ONT",
    "SN do inversor: 2207ZX4510398",
    "chave de acesso da nota: 3524 1112 3456 7800 0195 5500 1000 0123 4510 0012 3459",
    "preço: R$ 12.499,00 à vista ou 10x de R$ 1.349,90",
    "kit 5,5 kWp gera uns 700 kWh/mês, economia de R$ 650/mês",
    "pedido nº 3381-4420 foi cancelado?",
    "horário: seg a sex 08:00–18:00, sab 09:00–13:00",
    "SAC gratuito 0800 721 3344, capitais 4003-3344",
    "plano 1 Gbps por R$ 149,90, instalação grátis",
    "cód. do produto 7891234567895 (EAN)",
    "meu contrato 2023/004512-7 venceu mês passado",
    "temperatura do inversor 65,3 °C, tensão 220 V, corrente 23,4 A",
    "a usina fica em latitude -23.5613, longitude -46.6565",
    "fatura nº 2024.11.0034521 em aberto?",
    "invoice INV-2024-000871 total USD 1,249.00",
    "ticket 58213 / chamado 2024-3345",
    "mac do roteador 3C:84:6A:12:F0:9B",
    "O boleto vence 10/01/2025 no valor de R$ 2.345,67",
    "Potência 550 W, eficiência 21,3%, dimensões 2278 x 1134 x 35 mm",
    "release v2.4.10-rc1 and v2.4.9 both fail to pair",
    "meu pc ta no Windows 10.0.19045.3803",
    "tenho 3 placas de 410W e 1 micro inversor de 2000W",
    "meu medidor nº 10293847 marca 12.345,6 kWh",
    "OS 554433 aberta dia 03/02, técnico nº 218",
    "Lote 2024-0915-3344 veio com defeito",
    "pedido 98765432100 chegou incompleto",
    "conta de luz: 2.134 kWh no trimestre, tarifa R$ 0,89/kWh",
    "My order 55201937 arrived but the box said model XR-200-B",
    "download at 312.5 Mbps, upload 98.2 Mbps, ping 12 ms",
    "The part number is 0451-2289-01",
    "warranty claim ref 2024-11-28-0042",
    "agendado pra 15/01 às 9h, confirmação 7781",
    "R$ 1.234.567,00 de faturamento anual da empresa",
    "cupom BLACK2024 não funcionou no pedido 1029384",
    "ONU modelo HG8145V5, sinal -19.5 dBm",
    "consumo dos ultimos meses: 412, 398, 455, 501, 477 kWh",
    "entre 2020 e 2024 paguei mais de R$ 23.000 de luz",
    "Your reference number is 3498-2211-7765",
    "o site diz 99,9% de uptime mas caiu 3x essa semana",
    "rastreio: QB 123 456 789 BR",
    "porta 8080 e 443 abertas no IP 10.0.0.254",
    "nota fiscal 4512 série 2, emitida 28/11/2024 às 10:45:30",
    "o kit de 8,2 kWp saiu R$ 31.870,00 + frete R$ 1.250,00",
    "pedido #2024112800341 ainda em separação",
    "medidor bidirecional, leitura 0034512 injetada e 0029871 consumida",
    "protocolo de atendimento 2024.1128.7765432",
]


def messages() -> list[Message]:
    return (_cpf_messages() + _cnpj_messages() + _rg_messages() + _phone_messages() + _email_messages()
            + _cep_messages() + _card_messages() + _pix_messages() + _boleto_messages() + _mixed_messages()
            + [(text, []) for text in CLEAN])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def write(parts: dict[str, list[Message]]) -> None:
    header = ("# Hand-written PII probe (issue 16; python -m atende_guardrails.eval.build_pii_probe), part {part}.\n"
              "# kind, value planted, message (\\n, \\t and \\\\ escaped); kind 'none': no personal data. "
              "Never copied from evals/.\n")
    for part, rows in parts.items():
        lines = [header.format(part=part)]
        for text, values in rows:
            for kind, value in values or [("none", "")]:
                lines.append(f"{kind}\t{value}\t{_escape(text)}\n")
        (EVAL_DIR / f"pii_probe_{part}.tsv").write_text("".join(lines), encoding="utf-8")
        planted = sum(len(values) for _, values in rows)
        print(f"{part}: {planted} values, {sum(not values for _, values in rows)} messages without personal data")


def build() -> dict[str, list[Message]]:
    parts: dict[str, list[Message]] = {"tune": [], "holdout": []}
    for text, values in messages():
        for _, value in values:
            assert value in text, (value, text)
        parts[hash_part(text)].append((text, values))
    return parts


def main() -> int:
    write(build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
