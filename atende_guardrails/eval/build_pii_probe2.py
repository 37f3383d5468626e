# ruff: noqa: E501, RUF001  (long hand-written messages; en dashes and look-alike characters on purpose)
"""A second hand-written probe of the PII check (issue 16, item 4), in the words customers type
on a phone: values formatted, bare, split by spaces, with mistyped separators, after "cpf:" or
"whats:", inside parentheses, at the start or the end of a message, next to punctuation, emojis
and line breaks; and clean messages full of numbers that look like personal data and are not.

Decisions written down here (and in the check):
- 0800, 0300, 3003/3004 and 400x numbers are a business's lines, dialled by anyone: not a
  customer's personal data, so they sit in the clean messages and must stay.
- A CNPJ is always a value: the check cannot tell the customer's company from the business
  (a business that shows its own CNPJ in a reply has it redacted; a signature is no reason to
  let a customer's CNPJ through), so no clean message holds one.
- Bank agency and account numbers ("ag 1234-5 cc 67890-1") are not among the kinds the check
  claims; they must not be taken for a phone, CPF or RG, so they sit in the clean messages.
- The last four digits of a card ("cartão final 4821") identify nothing and stay.

Each message has an id; sha256(id) puts it in "tune" (misses may be read and fixed generally) or
"holdout" (figures only). Check digits are computed from hand-typed bases; nothing is copied
from evals/.

    python -m atende_guardrails.eval.build_pii_probe2

writes eval/pii_probe2_tune.tsv and eval/pii_probe2_holdout.tsv (kind, value, text; kind
"none" marks a message without personal data)."""

from __future__ import annotations

from pathlib import Path

from atende_guardrails.eval.build_pii_probe import bank_boleto, checked_parts, cnpj, cpf, escape_field, luhn, utility_boleto
from atende_guardrails.eval.build_probe import hash_part

EVAL_DIR = Path(__file__).parent

# id, message, the values planted in it (kind, exact substring); none for a clean message.
Message = tuple[str, str, list[tuple[str, str]]]


def _dots(d: str) -> str:
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def _cnpj_dots(d: str) -> str:
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def _split(d: str, *sizes: int, sep: str = " ") -> str:
    out, at = [], 0
    for size in sizes:
        out.append(d[at : at + size])
        at += size
    return sep.join(out)


def _values(prefix: str, rows: list[tuple[str, str, str]]) -> list[Message]:
    """(kind, value, template with {}) rows, numbered under a prefix."""
    return [(f"{prefix}-{n:02d}", template.format(value), [(kind, value)])
            for n, (kind, value, template) in enumerate(rows, 1)]


# CPFs from hand-typed bases.
C = [cpf(b) for b in ("318204957", "640193728", "205738416", "937410582", "481526037", "762058193", "153947260",
                      "829361045", "406812739", "571039284", "294680517", "683527401", "110948362", "857203614",
                      "362715908", "948160273", "023586719", "715290346", "586402193", "437918250", "269054871",
                      "804371562", "651827304", "392640158", "178053926", "926418305", "543109872", "017465283",
                      "830296471", "465781029")]


def phones() -> list[Message]:
    return _values("phone", [
        ("phone", "(21) 9 8834-1276", "oi! meu numero é (21) 9 8834-1276, pode chamar"),
        ("phone", "+55 21 99713 4480", "+55 21 99713 4480 whats tbm"),
        ("phone", "21987136450", "pode me ligar 21987136450 a tarde"),
        ("phone", "21987136451", "21987136451 esse é meu cel"),
        ("phone", "0xx21 2545-9087", "telefone de casa 0xx21 2545-9087"),
        ("phone", "0XX11 98877-6655", "CEL 0XX11 98877-6655"),
        ("phone", "(0xx21) 98877 6654", "(0xx21) 98877 6654 é o do meu pai"),
        ("phone", "11 99887-1234", "whats: 11 99887-1234"),
        ("phone", "11998871235", "me chama no zap 11998871235 que é mais facil"),
        ("phone", "(41)99812-7734", "whats:(41)99812-7734"),
        ("phone", "47 99621-0044", "wpp 47 99621-0044 🙏"),
        ("phone", "85 98123-4455", "meu zapzap é 85 98123-4455!!"),
        ("phone", "11 3045-6789", "fixo 11 3045-6789, se nao atender deixa recado"),
        ("phone", "(31) 3274-1122", "ligue (31) 3274-1122 em horario comercial"),
        ("phone", "51 3332 8890", "tel residencial 51 3332 8890"),
        ("phone", "+55 (11) 98765-4320", "Hi, my Brazilian number is +55 (11) 98765-4320."),
        ("phone", "+55 11 9 8765-4319", "numero novo: +55 11 9 8765-4319"),
        ("phone", "55 11 987654318", "55 11 987654318 (whatsapp)"),
        ("phone", "+55-11-98765-4317", "contato +55-11-98765-4317"),
        ("phone", "(11)98765.4316", "cel (11)98765.4316"),
        ("phone", "(11) 98765-4315", "📱 (11) 98765-4315"),
        ("phone", "98765-4314", "anota ai: 98765-4314😊"),
        ("phone", "11 98765-4313", "nome: João Ribeiro\ncel: 11 98765-4313\nobrigado"),
        ("phone", "+1 305 555 0199", "I'm in Miami now, call +1 305 555 0199"),
        ("phone", "+34 612 34 56 78", "estou na espanha, meu numero daqui é +34 612 34 56 78"),
        ("phone", "21 3333-4455", "me liga: 21 3333-4455."),
        ("phone", "(11) 3456-7800", "tel (11) 3456-7800 ramal 234"),
        ("phone", "9 8765 4312", "celular 9 8765 4312"),
        ("phone", "98765 4311", "meu cel novo 98765 4311"),
        ("phone", "11-98765-4310", "cel.: 11-98765-4310"),
        ("phone", "11 98765 4309", "11 98765 4309 é o numero da minha esposa"),
        ("phone", "(62) 3212-4578", "Telefone comercial: (62) 3212-4578 / Goiânia"),
        ("phone", "(83)3241-5566", "o numero da loja do meu marido é (83)3241-5566"),
        ("phone", "+55 81 3421 9988", "My landline is +55 81 3421 9988, mornings only."),
        ("phone", "12 99108-7766", "Fala comigo no 12 99108-7766"),
        ("phone", "(19)99876-1122", "entrega: falar com a Rosa (19)99876-1122"),
        ("phone", "(11) 9.8765-4308", "meu tel (11) 9.8765-4308"),
        ("phone", "011 98765-4307", "011 98765-4307 liga depois das 19h"),
        ("phone", "+55 48 99988 7766", "Whatsapp: +55 48 99988 7766"),
        ("phone", "(27) 99812-3344", "caso precise, (27) 99812-3344."),
        ("phone", "75 9 9123-4567", "zap da minha mãe 75 9 9123-4567, ela q vai receber"),
        ("phone", "+44 7911 123456", "UK mobile +44 7911 123456"),
    ])


def emails() -> list[Message]:
    return _values("email", [
        ("email", "Fulano.Silva@Gmail.com", "meu e-mail: Fulano.Silva@Gmail.com"),
        ("email", "JOAO.PEDRO+compras@outlook.com.br", "JOAO.PEDRO+compras@outlook.com.br"),
        ("email", "marina@vendas.lojaxyz.com.br", "manda o orçamento pra marina@vendas.lojaxyz.com.br por favor"),
        ("email", "fulano.tal arroba gmail ponto com", "meu email é fulano.tal arroba gmail ponto com"),
        ("email", "beto_77 arroba hotmail ponto com ponto br", "email: beto_77 arroba hotmail ponto com ponto br"),
        ("email", "carla.r@unicamp.br", "meu email institucional carla.r@unicamp.br."),
        ("email", "ana.p@yahoo.com.br", "email: ana.p@yahoo.com.br."),
        ("email", "ricardo.m@bol.com.br", "Ricardo Matos <ricardo.m@bol.com.br>"),
        ("email", "lu.souza@hotmail.com", "pode mandar no lu.souza@hotmail.com!"),
        ("email", "pedro.h arroba outlook", "manda pro pedro.h arroba outlook"),
        ("email", "jose.a.santos2@gmail.com", "emails: jose.a.santos2@gmail.com; financeiro@casadosparafusos.com.br"),
        ("email", "renata-lima@terra.com.br", "renata-lima@terra.com.br ← esse aqui"),
        ("email", "joao1987@gmail.com", "joao1987@gmail.com"),
        ("email", "MARIA ARROBA GMAIL PONTO COM", "MEU EMAIL MARIA ARROBA GMAIL PONTO COM"),
        ("email", "fulano @ gmail . com", "fulano @ gmail . com"),
        ("email", "ana(at)uol.com.br", "ana(at)uol.com.br"),
        ("email", "renato arroba yahoo ponto com ponto br", "o email é renato arroba yahoo ponto com ponto br"),
        ("email", "tati.f arroba icloud ponto com", "tati.f arroba icloud ponto com, é o meu pessoal"),
        ("email", "pedro ARROBA minhaempresa PONTO com PONTO br", "pedro ARROBA minhaempresa PONTO com PONTO br"),
        ("email", "fulano@gmial.com", "fulano@gmial.com (digitei errado antes, agora ta certo)"),
        ("email", "Tom.Baker+orders@mail.co.uk", "Send it to my email: Tom.Baker+orders@mail.co.uk"),
        ("email", "compras.sp@grupo-horizonte.ind.br", "Favor enviar NF para compras.sp@grupo-horizonte.ind.br"),
        ("email", "gi_oliveira@live.com", "📧 gi_oliveira@live.com"),
        ("email", "b.castro@ufmg.br", "(b.castro@ufmg.br)"),
        ("email", "leo arroba gmail ponto com", "manda no email do meu filho\nleo arroba gmail ponto com"),
        ("email", "contato@padariadajo.com", "o email da minha padaria é contato@padariadajo.com"),
        ("email", "sabrina.costa@icloud.com", "sabrina.costa@icloud.com é o certo, o outro eu nao uso"),
        ("email", "kiko.m@proton.me", "email?? kiko.m@proton.me"),
        ("email", "NATALIA_R@YAHOO.COM", "NATALIA_R@YAHOO.COM"),
        ("email", "vini@vini.dev.br", "email vini@vini.dev.br"),
    ])


def cpfs() -> list[Message]:
    c = C
    return _values("cpf", [
        ("cpf", _dots(c[0]), "meu cpf é {}"),
        ("cpf", c[1], "cpf {}"),
        ("cpf", _split(c[2], 3, 3, 3, 2), "cpf: {} obrigada"),
        ("cpf", f"{c[3][:3]}.{c[3][3:6]}.{c[3][6:9]}.{c[3][9:]}", "o meu é {}"),
        ("cpf", f"{c[4][:3]},{c[4][3:6]},{c[4][6:9]}-{c[4][9:]}", "CPF {} (teclado ta zoado)"),
        ("cpf", _split(c[5], 3, 3, 3, 2, sep="-"), "cpf {}"),
        ("cpf", f"{c[6][:3]}.{c[6][3:6]}.{c[6][6:]}", "segue o cpf {} pra cadastro"),
        ("cpf", f"{c[7][:9]}-{c[7][9:]}", "({})"),
        ("cpf", _dots(c[8]), "(cpf {})"),
        ("cpf", c[9], "meu cpf é {}"),
        ("cpf", _dots(c[10]), "cpf:{}"),
        ("cpf", f"{c[11][:3]}.{c[11][3:6]}.{c[11][6:9]}/{c[11][9:]}", "CPF: {}"),
        ("cpf", f"{c[12][:3]}. {c[12][3:6]}. {c[12][6:9]}-{c[12][9:]}", "cpf {} conferi duas vezes"),
        ("cpf", f"{c[13][:3]}.{c[13][3:6]}.{c[13][6:9]}–{c[13][9:]}", "meu CPF {}"),
        ("cpf", f"{_split(c[14], 3, 3, 3)}-{c[14][9:]}", "CPF {} !"),
        ("cpf", c[15], "cpf- {}"),
        ("cpf", _dots(c[16]), "c.p.f. {}"),
        ("cpf", _dots(c[17]), "Nome completo: Ana Beatriz Lopes\nCPF: {}\nData de nasc: 04/09/1991"),
        ("cpf", c[18], "o cpf é {}."),
        ("cpf", f"{_dots(c[19])[:11]} {c[19][9:]}", "cpf {} (sem o traço)"),
        ("cpf", _dots(c[20]), "segue meu cpf: {} 📄"),
        ("cpf", f"{c[21][:9]} {c[21][9:]}", "CPF do titular: {}"),
        ("cpf", _dots(c[22]), "{} é o meu"),
        ("cpf", _split(c[23], 3, 3, 3, 2), "o dela é {}, ela é a titular da conta de luz"),
        ("cpf", f"{c[24][:3]}.{c[24][3:6]},{c[24][6:9]}-{c[24][9:]}", "cpf {}"),
        ("cpf", f"{c[25][:6]}.{c[25][6:9]}-{c[25][9:]}", "documento cpf {}"),
        ("cpf", _dots(c[26]), "Could you check my order? CPF {}, thanks!"),
        ("cpf", c[27], "My taxpayer number (CPF) is {}"),
        ("cpf", f"{c[28][:3]} {c[28][3:6]} {c[28][6:9]}-{c[28][9:]}", "meu CPF {}"),
        ("cpf", f"{c[29][:3]}.{c[29][3:6]}.{c[29][6:9]}_{c[29][9:]}", "cpf {}"),
    ])


N = [cnpj(b) for b in ("192837460001", "564738290001", "817263540002", "403928170001", "275610480001", "938475610001",
                       "604152730001", "31KX7Q2B0001", "720394850003", "158203640001", "849302170001", "AB12CD340001")]


def cnpjs() -> list[Message]:
    n = N
    return _values("cnpj", [
        ("cnpj", _cnpj_dots(n[0]), "cnpj da empresa: {}"),
        ("cnpj", n[1], "faturar no CNPJ {}"),
        ("cnpj", f"{n[2][:2]}.{n[2][2:5]}.{n[2][5:8]}/{n[2][8:12]} {n[2][12:]}", "cnpj {}"),
        ("cnpj", _split(n[3], 2, 3, 3, 4, 2), "CNPJ {} (matriz)"),
        ("cnpj", f"{n[4][:2]}.{n[4][2:5]}.{n[4][5:8]}.{n[4][8:12]}-{n[4][12:]}", "cnpj {}"),
        ("cnpj", f"{n[5][:8]}/{n[5][8:12]}-{n[5][12:]}", "a nota tem que sair no {} que é o cnpj da loja"),
        ("cnpj", _cnpj_dots(n[6]), "CNPJ: {}."),
        ("cnpj", _cnpj_dots(n[7]), "nosso cnpj novo é {}"),
        ("cnpj", f"{n[8][:2]}.{n[8][2:5]}.{n[8][5:8]}/{n[8][8:]}", "cnpj filial {}"),
        ("cnpj", _cnpj_dots(n[9]), "Razão social: Mercearia Boa Vista ME\nCNPJ {}\nIE isento"),
        ("cnpj", n[10], "{} é o cnpj"),
        ("cnpj", n[11], "CNPJ alfanumerico {}"),
    ])


def rgs() -> list[Message]:
    return _values("rg", [
        ("rg", "MG-12.345.678", "rg MG-12.345.678"),
        ("rg", "12.345.678-X", "12.345.678-X SSP/SP"),
        ("rg", "23.456.789-1", "rg: 23.456.789-1"),
        ("rg", "34567890-2", "RG 34567890-2"),
        ("rg", "4.567.890", "RG 4.567.890 SSP-MG"),
        ("rg", "MG 14.567.890", "identidade MG 14.567.890"),
        ("rg", "MG-15678901", "meu rg é MG-15678901"),
        ("rg", "45.678.901-2", "identidade nº 45.678.901-2"),
        ("rg", "5678901", "RG n° 5678901 (SSP/PR)"),
        ("rg", "56.789.012-x", "rg 56.789.012-x"),
        ("rg", "67.890.123-4", "carteira de identidade: 67.890.123-4"),
        ("rg", "22 333 444-5", "rg 22 333 444-5"),
        ("rg", "2.345.678", "meu rg é 2.345.678 ssp df"),
        ("rg", "78.901.234-5", "78.901.234-5 (RG)"),
        ("rg", "89.012.345-6", "RG: 89.012.345-6 órgão emissor SSP/SP"),
        ("rg", "MG-16.789.012", "ID: MG-16.789.012"),
        ("rg", "12345678X", "R.G.: 12345678X"),
        ("rg", "1.234.567-8", "rg 1.234.567-8 SESP PR"),
        ("rg", "9.012.345", "o rg do meu filho é 9.012.345, emitido pela SSP/GO"),
        ("rg", "31.245.867-3", "meu RG: 31.245.867-3\nCPF eu mando depois"),
    ])


def ceps() -> list[Message]:
    return _values("cep", [
        ("cep", "01310-100", "cep 01310-100"),
        ("cep", "04101300", "CEP 04101300"),
        ("cep", "22290-040", "Rua Lauro Müller 45, apto 301, Botafogo, Rio de Janeiro - RJ, 22290-040"),
        ("cep", "01.310-200", "cep: 01.310-200"),
        ("cep", "30130 110", "CEP- 30130 110"),
        ("cep", "40015970", "meu cep é 40015970."),
        ("cep", "01310-300", "Rua Augusta 120, apto 3, Consolação, São Paulo/SP, CEP 01310-300"),
        ("cep", "88010-400", "endereço:\nRua Felipe Schmidt, 300\nCentro - Florianópolis\n88010-400"),
        ("cep", "69020-030", "cep 69020-030 😀"),
        ("cep", "90010-150", "zip 90010-150"),
        ("cep", "50030-230", "(cep: 50030-230)"),
        ("cep", "64000-020", "meu CEP mudou, agora é 64000-020"),
        ("cep", "77001-002", "CEP:77001-002, Palmas"),
        ("cep", "58010 000", "cep 58010 000 joao pessoa"),
        ("cep", "13010-111", "entrega em Campinas, 13010-111, portão azul"),
        ("cep", "29010-250", "Av. Jerônimo Monteiro, 1000 — Vitória/ES — 29010-250"),
        ("cep", "79002-003", "CEP 79002-003."),
        ("cep", "35400-000", "cep da minha cidade é 35400-000 ouro preto"),
    ])


K = [luhn(p) for p in ("453201511283036", "516292847391024", "37828224631000", "601100099013942",
                       "404136427711389", "548819207462130", "34567890123456", "650487120038491",
                       "636297104583920", "489503726114058", "522161430097315", "3056912345678",
                       "410039482716535", "529314780026413", "606282110044775", "438857610029473")]


def cards() -> list[Message]:
    k = K
    return _values("card", [
        ("card", _split(k[0], 4, 4, 4, 4), "cartão {}"),
        ("card", _split(k[1], 4, 4, 4, 4, sep="-"), "numero do cartao: {}"),
        ("card", _split(k[2], 4, 6, 5), "Amex {}"),
        ("card", k[6], "amex {} validade 11/27"),
        ("card", _split(k[3], 4, 4, 4, 4), "discover {}"),
        ("card", k[4], "cobra nesse {}"),
        ("card", _split(k[5], 4, 4, 4, 4), "nº do cartão: {} val 03/28"),
        ("card", _split(k[7], 4, 4, 4, 4), "o cartao novo ({}) chegou ontem"),
        ("card", _split(k[8], 4, 4, 4, 4), "{} é o elo"),
        ("card", _split(k[9], 4, 4, 4, 4, sep="-"), "visa: {}."),
        ("card", _split(k[10], 4, 4, 4, 4), "Card: {}\nExp: 08/29"),
        ("card", _split(k[11], 4, 6, 4), "diners {}"),
        ("card", k[12], "meu cartao de credito {} pode passar"),
        ("card", _split(k[13], 4, 4, 4, 4), "cartão de débito {} 💳"),
        ("card", _split(k[14], 4, 4, 4, 4), "hipercard {}"),
        ("card", _split(k[15], 4, 4, 4, 4), "{}"),
    ])


def pix() -> list[Message]:
    return _values("pix", [
        ("pix_key", "5d9a8c41-2b7e-4f03-9c6d-8e1a4b2f7c30", "chave pix 5d9a8c41-2b7e-4f03-9c6d-8e1a4b2f7c30"),
        ("pix_key", "A7C3E9F1-4D2B-4A86-B5E0-9C1D3F7A2B48", "CHAVE ALEATÓRIA: A7C3E9F1-4D2B-4A86-B5E0-9C1D3F7A2B48"),
        ("pix_key", "0b4e6d2a-91c7-4e58-a3f6-7d2c9b1e0a85", "faz o pix nessa: 0b4e6d2a-91c7-4e58-a3f6-7d2c9b1e0a85 👍"),
        ("pix_key", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "pix 3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        ("pix_key", "e1f2a3b4c5d64e7f8a9b0c1d2e3f4a5b", "chave pix e1f2a3b4c5d64e7f8a9b0c1d2e3f4a5b"),
        ("pix_key", "8c7b6a59-4d3e-4f21-a0b9-c8d7e6f5a4b3", "manda o reembolso pra chave\n8c7b6a59-4d3e-4f21-a0b9-c8d7e6f5a4b3"),
        ("pix_key", "f0e1d2c3-b4a5-4968-8776-655443322110", "minha chave é f0e1d2c3-b4a5-4968-8776-655443322110."),
        ("pix_key", "21 99876-5500", "pix: 21 99876-5500 (celular)"),
        ("pix_key", "pix.da.lu@gmail.com", "chave pix: pix.da.lu@gmail.com"),
        ("pix_key", _dots(cpf("614203958")), f"pode fazer o pix no meu cpf {_dots(cpf('614203958'))}"),
        ("pix_key", "(71) 98123-0099", "pix é meu cel (71) 98123-0099"),
    ])


def boletos() -> list[Message]:
    b1 = bank_boleto("341", "9012", "0000045990", "1090080123456789012345678")
    b2 = bank_boleto("237", "1055", "0000189900", "4561230000987654321000123")
    b3 = bank_boleto("033", "9981", "0000012345", "9001122334455667788990011")
    b4 = bank_boleto("756", "1100", "0000350000", "1234500067891234567890123")
    u1 = utility_boleto("83640000001" + "23450048000" + "10020251203" + "00045678901")
    u2 = utility_boleto("85670000002" + "34560098001" + "20251015000" + "99887766554")

    def dotted(d: str, sep: str = " ") -> str:
        return sep.join((f"{d[:5]}.{d[5:10]}", f"{d[10:15]}.{d[15:21]}", f"{d[21:26]}.{d[26:32]}", d[32], d[33:]))

    def spaced(d: str) -> str:
        return " ".join((d[:5], d[5:10], d[10:15], d[15:21], d[21:26], d[26:32], d[32], d[33:]))

    def blocks(d: str, sep: str = "-") -> str:
        return " ".join(d[i : i + 11] + sep + d[i + 11] for i in range(0, 48, 12))

    return _values("boleto", [
        ("boleto", dotted(b1), "linha digitável: {}"),
        ("boleto", b1, "codigo de barras do boleto {} nao passa no app"),
        ("boleto", spaced(b2), "boleto {}"),
        ("boleto", dotted(b3), "{}\nesse é o boleto que venceu"),
        ("boleto", b4, "segue: {}"),
        ("boleto", dotted(b4, "  "), "Payment slip line {} please confirm"),
        ("boleto", blocks(u1), "conta de agua {}"),
        ("boleto", u1, "{}"),
        ("boleto", blocks(u2, " "), "guia: {}"),
        ("boleto", " ".join(u2[i : i + 12] for i in range(0, 48, 12)), "conta de luz {} vence sexta"),
    ])


def mixed() -> list[Message]:
    a, b = cpf("715203948"), cpf("280461937")
    return [
        ("mixed-01", f"Nome: Roberto Alves\nCPF: {_dots(a)}\nTel: (11) 97722-3311\nEmail: roberto.alves@gmail.com\nCEP: 04571-010",
         [("cpf", _dots(a)), ("phone", "(11) 97722-3311"), ("email", "roberto.alves@gmail.com"), ("cep", "04571-010")]),
        ("mixed-02", f"{b} / 31 98844-2211 / lidia.m@uol.com.br",
         [("cpf", b), ("phone", "31 98844-2211"), ("email", "lidia.m@uol.com.br")]),
        ("mixed-03", "pedido 48213 — entregar no cep 60115-170, falar com Ana 85 99712-3300",
         [("cep", "60115-170"), ("phone", "85 99712-3300")]),
        ("mixed-04", f"rg 43.218.765-9 e cpf {_dots(cpf('509183746'))} pra nota",
         [("rg", "43.218.765-9"), ("cpf", _dots(cpf("509183746")))]),
        ("mixed-05", "whats 11 91234-5678 ou email bruna.t@hotmail.com, tanto faz",
         [("phone", "11 91234-5678"), ("email", "bruna.t@hotmail.com")]),
        ("mixed-06", f"CNPJ {_cnpj_dots(cnpj('220418370001'))}, contato compras@ferragenssol.com.br, fone (34) 3212-0088",
         [("cnpj", _cnpj_dots(cnpj("220418370001"))), ("email", "compras@ferragenssol.com.br"), ("phone", "(34) 3212-0088")]),
        ("mixed-07", f"Protocolo 20251104-7781. Meu CPF é {cpf('638104927')} e o celular 21 99654-1188",
         [("cpf", cpf("638104927")), ("phone", "21 99654-1188")]),
        ("mixed-08", "ordem de serviço 558812, técnico ligar antes no 48 99123-0456, cep 88034-001",
         [("phone", "48 99123-0456"), ("cep", "88034-001")]),
        ("mixed-09", f"my card {_split(luhn('455632107788901'), 4, 4, 4, 4)} and phone +55 11 98111-2233",
         [("card", _split(luhn("455632107788901"), 4, 4, 4, 4)), ("phone", "+55 11 98111-2233")]),
        ("mixed-10", "nota 3345 paga, mas o boleto foi pro email errado, o certo é tiago.rocha@yahoo.com.br, tel 19 3254-8877",
         [("email", "tiago.rocha@yahoo.com.br"), ("phone", "19 3254-8877")]),
    ]


CLEAN: list[str] = [
    # orders, protocols, tickets, invoices
    "pedido 2134567890 ainda não saiu pra entrega",
    "meu protocolo é 4133224455, abri ontem",
    "nº do pedido: 1198765432",
    "ticket 21987654321 sem resposta há 3 dias",
    "protocolo de atendimento 3134567812",
    "Order 4798123456 shows delivered but nothing arrived",
    "chamado #5133221100 reaberto",
    "nota fiscal 000.321.987, série 001",
    "NF 123456 emitida em 02/06/2026",
    "fatura 2026-05-000123 duplicada",
    "número do pedido 7712-3345, comprei dia 12/05/2026",
    "OS 2026-0412, visita marcada",
    "pedido nº 98123-4567 (comprei pelo app)",
    "protocolo 2026.05.12.004411",
    # energy, solar
    "consumo de 350 kWh em maio, 412 kWh em abril",
    "sistema de 6,6 kWp com 12 módulos de 550 W",
    "gerou 28,4 kWh hoje, 812 kWh no mês",
    "leitura anterior 023456, leitura atual 023891",
    "inversor SB-550M apagou, erro F-0301",
    "a instalação 3012345678 está sem energia desde 14:20",
    "unidade consumidora 4123456789, medidor trocado",
    "código da instalação: 2198765432",
    "UC 5134567890 com leitura estimada",
    "nº do cliente 1133445566 na conta de luz",
    # prices, dates, times, percentages
    "R$ 12.345,67 à vista ou 12x de R$ 1.124,90",
    "paguei R$ 1.234.567,89 em 3 anos, absurdo",
    "vence 12/05/2026, posso pagar dia 15/05?",
    "técnico vem 12.05.2026 entre 08:00 e 12:00",
    "horário 13:30–17:45",
    "desconto de 15% + 5% no pix",
    "reajuste de 9,87% este ano",
    "2026-05-12 14:33:07 UTC",
    # serials, models, versions, codes
    "roteador VF-AX3000 reiniciando toda hora",
    "modelo SB-550M, série 2309-4471",
    "nº de série 2345-6789 (está na etiqueta)",
    "SN: 3456 7890 1234",
    "firmware v2.14.3 e app 5.0.12",
    "atualizei pra versão 10.2.3456.7890 e parou",
    "erro 0x80070005 ao instalar",
    "código de erro E-4021",
    "peça 9876-5432 em falta?",
    "cód. do produto 4567-8901",
    "ref. 3344-5566 cor preta",
    "EAN 7891234567895",
    "código de barras da caixa 7896543210987",
    # tracking, transport
    "rastreio BR123456789BR parado",
    "objeto QK 123 456 789 BR",
    "tracking 1Z999AA10123456784",
    "placa ABC-1D23",
    # bank agency / account, last card digits
    "agência 1234-5, conta corrente 67890-1",
    "ag 0001 cc 12345678-9 (nubank)",
    "banco 341 ag 4455 conta 23456-7",
    "cartão final 4821 foi cobrado duas vezes",
    "paguei com o cartão terminado em 0093",
    # business lines
    "liguei no 0800 707 1234 e ninguém atende",
    "SAC 0800-123-4567",
    "central 4004-1234 (capitais)",
    "0300 789 6543 é o numero do banco",
    "tel 3003 4455 cobra como local",
    # network, tech
    "IP 172.16.254.1 no roteador",
    "senha do wifi mudou, ssid VF_5G_3344",
    "ping 23 ms, jitter 4 ms, perda 0,5%",
    "ONT ZTE F670L, sinal -21,4 dBm",
    "porta 3389 fechada",
    # quantities, ranges, measures
    "comprei 2 caixas de 12 unidades",
    "entre 2000-3000 reais",
    "páginas 2345-2400 do manual",
    "altura 1,75 m, peso 82 kg",
    "anos 2019-2026 de contrato",
    "km 2345 da BR-116",
    "quadra 12 lote 34, condomínio 3",
    "apto 1203 bloco B",
    # long digit strings that are not values
    "chave de acesso 3526 0512 3456 7800 0190 5500 1000 0012 3410 0012 3451",
    "id da transação E00000000202605121433abc123def456",
    "matrícula 21345678 no RH",
    "contrato nº 4122334455 assinado",
    "localizador da reserva XK7P2Q",
    "cupom PRIMEIRA10 não funcionou",
    "sua senha de atendimento é 0457",
]


def messages() -> list[Message]:
    return (phones() + emails() + cpfs() + cnpjs() + rgs() + ceps() + cards() + pix() + boletos() + mixed()
            + [(f"clean-{n:02d}", text, []) for n, text in enumerate(CLEAN, 1)])


def build() -> dict[str, list[Message]]:
    return checked_parts(messages(), hash_part)


def write(parts: dict[str, list[Message]]) -> None:
    header = ("# Second hand-written PII probe (issue 16 item 4; python -m atende_guardrails.eval.build_pii_probe2), "
              "part {part}.\n# kind, value planted, message (\\n, \\t and \\\\ escaped); kind 'none': no personal data. "
              "Never copied from evals/.\n")
    for part, rows in parts.items():
        lines = [header.format(part=part)]
        for _, text, values in rows:
            for kind, value in values or [("none", "")]:
                lines.append(f"{kind}\t{value}\t{escape_field(text)}\n")
        (EVAL_DIR / f"pii_probe2_{part}.tsv").write_text("".join(lines), encoding="utf-8")
        planted = sum(len(values) for _, _, values in rows)
        print(f"{part}: {planted} values, {sum(not values for _, _, values in rows)} messages without personal data")


def main() -> int:
    write(build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
