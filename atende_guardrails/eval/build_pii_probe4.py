"""A fourth hand-written PII probe (issue 16, item 4: PII that generalizes), written before the check
was run on it. It leans on what probes 1-3 covered least:

- RGs in every state's shapes: with and without dots, with a dash, a check "X", 6 to 13 digits (TO, AP,
  RR's short numbers; RS and BA's ten digits; MA's long number with the year), the state prefix (MG-, M-),
  and every way a customer names it: "RG:", "RG nº", "nº do RG", "identidade", "carteira de identidade",
  "cédula de identidade", "registro geral", "doc. de identidade", "RNE/RNM" of a foreigner, the issuing
  body before or after ("SSP/SP", "IFP-RJ", "PC/MG", "SDS PE", "órgão expedidor"), in English ("ID card",
  "national ID", "Brazilian ID").
- Other documents that identify a person: CNH (driver's licence register, 11 digits), título de eleitor
  (12 digits), passport numbers (Brazilian "AB123456", US, UK and Portuguese shapes), PIS/PASEP/NIS/NIT
  (11 digits, "123.45678.90-1"), and dates of birth a word names ("nasc.", "data de nascimento", "DOB",
  "born on", "nasci em 12/03/1990").
- International phones (+1, +44, +351, +34, +49, +54, +598) formatted and not, and e-mails with
  sub-addresses, accented local parts and accented (IDN) domains.
- Clean texts that look like all of that and are not: orders, protocols, invoices, product codes
  (SB-550M, HMS-2000-4T), prices, dates and times without a birth word, CEP-shaped quantities
  ("12345-678 unidades"), kWh figures, versions, coaxial cable "RG 59", PIS/COFINS tax rates, a
  "título" that is a bank title, a CNH category, a passport that expires with no number.

Decisions written down here (and in the check):
- New kinds: cnh, voter_id (título de eleitor), passport, pis (PIS/PASEP/NIS/NIT), birth_date. They are
  redacted where a word names them (a bare 11 or 12 digit number is no CNH or título: it is claimed by
  its own check digits as a CPF or a phone, or left alone); a PIS written in its own dotted shape
  (3.5.2.1 digits) with a valid check digit is a PIS without a word.
- A date of birth is a full date (day, month and year, in digits or words) that a birth word names; a year
  alone ("nasci em 1990") or a date no birth word names is not.
- Street addresses are not covered (a business's address in a reply is its published answer, and a
  street name has no shape); none is planted, none counted as clean.
- An RG is the number a word names as one (or an issuing body follows); its length runs from 6 to 13
  digits, a trailing "X" counts as a digit.

Half rule (as probe 3): half "a" if int(sha1(id).hexdigest(), 16) % 2 == 0 else "b"; half a is the tune
part (misses may be read and fixed generally), half b the holdout (figures only). Check digits are
computed from hand-typed bases; nothing is copied from evals/ or the other probes.

    python -m atende_guardrails.eval.build_pii_probe4

writes eval/pii_probe4_tune.tsv (half a) and eval/pii_probe4_holdout.tsv (half b)."""

from __future__ import annotations

from atende_guardrails.eval.build_pii_probe import checked_parts, cnpj, cpf, luhn, write_halves
from atende_guardrails.eval.build_pii_probe3 import Message, cnpj_dots, dots, half

# ---- check digits of the documents this probe adds ----


def cnh(base: str) -> str:
    """A CNH register number (11 digits) from its first nine (DENATRAN's two mod-11 digits)."""
    digits = [int(c) for c in base]
    first = sum(d * w for d, w in zip(digits, range(9, 0, -1), strict=True)) % 11
    discount = 0
    if first >= 10:
        first, discount = 0, 2
    second = sum(d * w for d, w in zip(digits, range(1, 10), strict=True)) % 11
    second = 0 if second >= 10 else (second - discount) % 10
    return base + str(first) + str(second)


def voter_id(sequence: str, state: str) -> str:
    """A título de eleitor: 8 sequence digits, the state's two digits (01 SP ... 28 ZZ), two check digits."""
    digits = [int(c) for c in sequence]
    first = sum(d * w for d, w in zip(digits, range(2, 10), strict=True)) % 11
    if first == 10:
        first = 0
    elif first == 0 and state in ("01", "02"):
        first = 1
    second = (int(state[0]) * 7 + int(state[1]) * 8 + first * 9) % 11
    if second == 10:
        second = 0
    elif second == 0 and state in ("01", "02"):
        second = 1
    return sequence + state + str(first) + str(second)


def pis(base: str) -> str:
    """A PIS/PASEP/NIS/NIT (11 digits) from its first ten."""
    total = sum(int(d) * w for d, w in zip(base, (3, 2, 9, 8, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    return base + str(0 if check >= 10 else check)


def pis_dots(d: str) -> str:
    return f"{d[:3]}.{d[3:8]}.{d[8:10]}-{d[10]}"


def rg_sp(base: str) -> str:
    """São Paulo's RG: eight digits and a mod-11 check (weights 2..9; 10 is written X)."""
    check = sum(int(d) * w for d, w in zip(base, range(2, 10), strict=True)) % 11
    return base + ("X" if check == 10 else str(check))


def rg_sp_dots(d: str) -> str:
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}-{d[8:]}"


def _values(prefix: str, rows: list[tuple[str, str, str]]) -> list[Message]:
    return [(f"p4-{prefix}-{n:02d}", template.replace("{}", value), [(kind, value)])
            for n, (kind, value, template) in enumerate(rows, 1)]


S = [rg_sp(b) for b in ("41827350", "29384016", "37215948", "50418372", "26093714", "44718209", "31620587",
                        "48290163", "35071826", "27148390", "42963051", "39506172", "33817264", "46052938")]


def rgs() -> list[Message]:
    s = S
    return _values("rg", [
        # São Paulo (8 digits and a check, X among them)
        ("rg", rg_sp_dots(s[0]), "meu rg eh {} e o cpf mando dps"),
        ("rg", s[1], "rg eh o {}"),
        ("rg", f"{s[2][:8]}-{s[2][8]}", "RG nº: {} - SSP SP"),
        ("rg", rg_sp_dots(s[3]), "Identidade (RG): {}, expedida em 2011"),
        ("rg", f"{s[4][:2]} {s[4][2:5]} {s[4][5:8]}-{s[4][8]}", "numero do rg {} obg"),
        ("rg", rg_sp_dots(s[5]).lower(), "rg {} sp"),
        ("rg", s[6], "o RG da minha sogra, que é a titular: {}"),
        ("rg", rg_sp_dots(s[7]), "carteira de identidade n° {} órgão expedidor SSP/SP"),
        ("rg", s[8], "RG/SSP-SP {}"),
        ("rg", rg_sp_dots(s[9]), "my RG number is {} (issued in São Paulo)"),
        ("rg", s[10], "Brazilian ID card (RG) no. {}"),
        ("rg", rg_sp_dots(s[11]), "segue:\nNome: Edson Paiva\nRG: {}\nEmissor: SSP/SP"),
        ("rg", f"{s[12][:8]} {s[12][8]}", "rg {} tá no verso do contrato"),
        ("rg", rg_sp_dots(s[13]), "registro geral {} (sp)"),
        ("rg", "38.412.907-X", "o rg termina com X mesmo: 38.412.907-X"),
        ("rg", "40571836x", "rg 40571836x"),
        ("rg", "43.109.528-x", "RG n. 43.109.528-x"),
        # Rio de Janeiro (IFP, Detran)
        ("rg", "21.904.738-6", "identidade 21.904.738-6 IFP/RJ"),
        ("rg", "118473920", "RG 118473920 DETRAN-RJ"),
        ("rg", "09.381.274-1", "RG: 09.381.274-1 detran rj"),
        ("rg", "264830195", "identidade do detran 264830195"),
        ("rg", "13.572.846-0", "rg 13.572.846-0 expedido pelo IFP"),
        # Minas Gerais
        ("rg", "MG-14.736.209", "rg MG-14.736.209"),
        ("rg", "MG 9.403.128", "identidade MG 9.403.128 PC/MG"),
        ("rg", "M-7.219.384", "RG M-7.219.384 SSP/MG"),
        ("rg", "MG15829046", "meu rg é MG15829046"),
        ("rg", "mg-11.492.837", "rg mg-11.492.837"),
        ("rg", "12.904.385", "RG 12.904.385 PCMG"),
        ("rg", "MG 18 304 927", "RG: MG 18 304 927"),
        # Rio Grande do Sul (10 digits)
        ("rg", "7094281536", "RG 7094281536 SJS/RS"),
        ("rg", "4071928354", "cédula de identidade 4071928354 (RS)"),
        ("rg", "1082736495", "rg 1082736495 igp rs"),
        # Paraná
        ("rg", "9.418.273-0", "RG 9.418.273-0 SESP/PR"),
        ("rg", "10.482.917-3", "RG: 10.482.917-3 - IIPR"),
        ("rg", "73920184", "rg 73920184 pr"),
        # Bahia (two check digits)
        ("rg", "14.920.387-45", "identidade 14.920.387-45 SSP/BA"),
        ("rg", "0938471250", "RG 0938471250 ssp ba"),
        ("rg", "11.473.928 06", "rg 11.473.928 06"),
        # Distrito Federal, Pernambuco, Goiás, Espírito Santo, Santa Catarina (7 digits)
        ("rg", "2.847.193", "RG 2.847.193 SSP-DF"),
        ("rg", "3918274", "identidade 3918274 PCDF"),
        ("rg", "6.204.918", "rg 6.204.918 sds pe"),
        ("rg", "7319428", "RG nº 7319428 SDS/PE"),
        ("rg", "5.182.739", "RG 5.182.739 DGPC-GO"),
        ("rg", "4837219", "identidade 4837219 ssp/go"),
        ("rg", "3.094.812", "rg: 3.094.812 spTC/ES"),
        ("rg", "6.392.718", "RG 6.392.718 SSP/SC"),
        ("rg", "5718293", "carteira de identidade 5718293 IGP-SC"),
        # North and Northeast
        ("rg", "20071934827", "RG 20071934827 SSPDS/CE"),
        ("rg", "98017284356", "rg 98017284356 ssp ce"),
        ("rg", "2193847-6", "RG 2193847-6 SSP/AM"),
        ("rg", "1928374-0", "identidade 1928374-0 SESP/MT"),
        ("rg", "001.928.374", "RG 001.928.374 SEJUSP/MS"),
        ("rg", "4829173", "RG 4829173 PC/PA"),
        ("rg", "3.172.849", "RG 3.172.849 SSP/PB"),
        ("rg", "002.817.394", "RG 002.817.394 ITEP/RN"),
        ("rg", "2.918.374", "RG 2.918.374 SSP/PI"),
        ("rg", "1.829.374-2", "RG 1.829.374-2 SSP/SE"),
        ("rg", "99001827364", "RG 99001827364 SSP/AL"),
        ("rg", "038172942009-1", "RG 038172942009-1 SSP/MA"),
        ("rg", "0381729420092", "rg 0381729420092 ma"),
        ("rg", "819.273", "RG 819.273 SSP/TO"),
        ("rg", "482917", "RG 482917 SESDEC/RO"),
        ("rg", "391827", "rg 391827 ssp ap"),
        ("rg", "284917", "RG 284917 SSP/RR"),
        ("rg", "0573918-2", "RG 0573918-2 SSP/AC"),
        # labels in odd words and order
        ("rg", "28.491.736-2", "nº do RG: 28.491.736-2"),
        ("rg", "274918365", "número da identidade: 274918365"),
        ("rg", "5.829.174", "doc. de identidade 5.829.174 / DF"),
        ("rg", "31.829.475-6", "Documento de identidade: RG 31.829.475-6"),
        ("rg", "193847265", "RG=193847265"),
        ("rg", "384729165", "rg#384729165"),
        ("rg", "472918364", "rg.: 472918364"),
        ("rg", "582917364", "rg - 582917364"),
        ("rg", "19.384.726-5", "Órgão expedidor SSP/SP, RG 19.384.726-5"),
        ("rg", "29384716", "RG/UF: 29384716/SP"),
        ("rg", "37.291.846-X", "meu rg (frente e verso anexo) é 37.291.846-X"),
        ("rg", "482736195", "o rg é o 482736195 tá"),
        ("rg", "39.182.746-4", "RG e órgão: 39.182.746-4 SSP SP"),
        ("rg", "V482917-3", "sou estrangeiro, RNE V482917-3"),
        ("rg", "G371829-K", "RNM G371829-K (sou venezuelana)"),
        ("rg", "48291736", "national ID (RG): 48291736"),
        ("rg", "6.384.917", "ID card 6.384.917 SSP-PE"),
        ("rg", "291837465", "my identity card is 291837465"),
        ("rg", "18 472 936 5", "rg 18 472 936 5"),
        ("rg", "30.192.847", "RG 30.192.847 (sem dígito)"),
        ("rg", "27.381.946-1", "rg:\n27.381.946-1"),
        ("rg", "38192746", "RG do titular 38192746 e do dependente nao tenho"),
        ("rg", "47.182.936-0", "oi, o rg q pediram: 47.182.936-0 😅"),
        ("rg", "391827465", "RG 391827465, CPF eu mando no privado"),
        ("rg", "28.174.639-5", "the RG on my account is 28.174.639-5, not the old one"),
        ("rg", "4.192.837", "identidade nova 4.192.837, a antiga perdi"),
        ("rg", "MG-10.384.926", "rg antigo MG-10.384.926 ainda vale?"),
        ("rg", "283746195", "minha identidade eh 283746195 ssp sp"),
        ("rg", "1.938.274", "rg nº 1.938.274 ssp pb"),
        ("rg", "37291846-4", "R.G 37291846-4"),
        ("rg", "492817364", "RG: 492817364 | órgão: SSP | UF: SP"),
        ("rg", "19.283.746", "carteira de identidade: 19.283.746 (sem o dígito, o sistema não aceita)"),
        ("rg", "5928173", "RG n° 5928173 expedição 2015"),
        ("rg", "2.837.461", "rg do meu filho 2.837.461 df"),
    ])


def other_documents() -> list[Message]:
    h = [cnh(b) for b in ("048217395", "731920468", "502837194", "019384726", "264810397", "837261904", "410293857",
                          "692048371", "158372940", "904726183", "371829406", "625093184", "283017465", "749102836")]
    v = [voter_id(s, uf) for s, uf in (("10482739", "01"), ("29384710", "02"), ("38172946", "03"), ("47281930", "06"),
                                       ("19283746", "01"), ("56372819", "04"), ("20394817", "11"), ("38291047", "05"),
                                       ("71829304", "08"), ("62018374", "02"), ("09182736", "01"), ("48201937", "07"))]
    p = [pis(b) for b in ("1204837291", "1738291046", "2091837465", "1293847561", "1382749105", "2017384926",
                          "1648203917", "1093847261", "1829374650", "2038471926", "1472938105", "1920384716")]
    return _values("doc", [
        ("cnh", h[0], "minha cnh é {}"),
        ("cnh", h[1], "CNH nº {} categoria AB"),
        ("cnh", h[2], "registro da CNH: {}"),
        ("cnh", h[3], "nº de registro da cnh {} validade 2029"),
        ("cnh", h[4], "carteira de motorista {}"),
        ("cnh", h[5], "habilitação {} (B)"),
        ("cnh", f"{h[6][:3]} {h[6][3:6]} {h[6][6:9]} {h[6][9:]}", "cnh {}"),
        ("cnh", f"{h[7][:9]}-{h[7][9:]}", "CNH: {}"),
        ("cnh", h[8], "driver's license number {}"),
        ("cnh", h[9], "Brazilian driving licence (CNH) {}"),
        ("cnh", h[10], "carteira de habilitação n. {}"),
        ("cnh", h[11], "a cnh do meu marido {} serve?"),
        ("cnh", h[12], "CNH {} Detran-PR"),
        ("cnh", h[13], "pode usar a cnh digital, número {}"),
        ("voter_id", v[0], "título de eleitor {}"),
        ("voter_id", f"{v[1][:4]} {v[1][4:8]} {v[1][8:]}", "titulo de eleitor {}"),
        ("voter_id", f"{v[2][:4]}.{v[2][4:8]}.{v[2][8:]}", "Título eleitoral: {}"),
        ("voter_id", v[3], "nº do título de eleitor {} zona 120 seção 45"),
        ("voter_id", f"{v[4][:4]} {v[4][4:8]} {v[4][8:]}", "voter ID (título de eleitor) {}"),
        ("voter_id", v[5], "inscrição eleitoral {}"),
        ("voter_id", v[6], "titulo eleitor {}"),
        ("voter_id", f"{v[7][:8]} {v[7][8:10]} {v[7][10:]}", "título de eleitor: {}"),
        ("voter_id", v[8], "o título de eleitor dela é {}"),
        ("voter_id", v[9], "Voter registration number: {}"),
        ("voter_id", f"{v[10][:4]} {v[10][4:8]} {v[10][8:]}", "tit. eleitor {}"),
        ("voter_id", v[11], "titulo de eleitor n {} zona 32"),
        ("pis", pis_dots(p[0]), "PIS {}"),
        ("pis", p[1], "meu pis é {}"),
        ("pis", pis_dots(p[2]), "nº do PIS/PASEP: {}"),
        ("pis", p[3], "NIS {} (bolsa família)"),
        ("pis", pis_dots(p[4]), "NIT {}"),
        ("pis", pis_dots(p[5]), "{} é o meu pis"),
        ("pis", p[6], "pasep {}"),
        ("pis", pis_dots(p[7]), "PIS/NIS: {}"),
        ("pis", p[8], "número do NIS da minha mãe {}"),
        ("pis", pis_dots(p[9]), "dados pra cadastro: {} (pis)"),
        ("pis", f"{p[10][:3]} {p[10][3:8]} {p[10][8:10]} {p[10][10]}", "pis {}"),
        ("pis", pis_dots(p[11]), "My PIS number is {}"),
        ("passport", "FT482917", "passaporte FT482917"),
        ("passport", "GB193847", "meu passaporte é o GB193847"),
        ("passport", "YA284719", "Passport No.: YA284719"),
        ("passport", "FZ 392817", "passaporte nº FZ 392817"),
        ("passport", "548392017", "US passport 548392017"),
        ("passport", "120394857", "UK passport number 120394857"),
        ("passport", "P482917", "passaporte português P482917"),
        ("passport", "CB5829371", "passport: CB5829371"),
        ("passport", "gk482019", "passaporte gk482019"),
        ("passport", "XA918273", "passport # XA918273, expires 2031"),
        ("passport", "AB837261", "nº do passaporte AB837261"),
        ("passport", "FS 482 917", "passaporte FS 482 917"),
    ])


def birth_dates() -> list[Message]:
    return _values("birth", [
        ("birth_date", "12/03/1985", "nasc. 12/03/1985"),
        ("birth_date", "03/07/1992", "data de nascimento: 03/07/1992"),
        ("birth_date", "21/11/78", "dt nasc 21/11/78"),
        ("birth_date", "4 de maio de 1979", "nascido em 4 de maio de 1979"),
        ("birth_date", "1985-03-12", "DOB 1985-03-12"),
        ("birth_date", "March 12, 1985", "born on March 12, 1985"),
        ("birth_date", "12 Mar 1985", "date of birth: 12 Mar 1985"),
        ("birth_date", "12-03-1985", "dt. nasc 12-03-1985"),
        ("birth_date", "12.03.1985", "nascimento 12.03.1985"),
        ("birth_date", "09/02/1990", "nasci dia 09/02/1990 se precisar"),
        ("birth_date", "15/08/2015", "minha filha nasceu em 15/08/2015, ela pode ser dependente?"),
        ("birth_date", "30/01/1961", "Nome: Vera Lúcia Bastos, nascida em 30/01/1961"),
        ("birth_date", "7/9/1988", "data nasc 7/9/1988"),
        ("birth_date", "25 de dezembro de 1970", "nasci em 25 de dezembro de 1970 kkk"),
        ("birth_date", "02/10/1955", "Titular: Osvaldo Reis (nasc. 02/10/1955)"),
        ("birth_date", "1993-06-30", "date of birth 1993-06-30"),
        ("birth_date", "June 3rd, 1987", "I was born June 3rd, 1987"),
        ("birth_date", "14/04/1982", "D.N.: 14/04/1982"),
        ("birth_date", "06/06/2001", "data de nascimento do dependente 06/06/2001"),
        ("birth_date", "18/09/1974", "nascimento:\n18/09/1974"),
        ("birth_date", "11/12/1966", "DOB: 11/12/1966"),
        ("birth_date", "23 jan 1999", "nasc 23 jan 1999"),
        ("birth_date", "01/05/1980", "meu pai nasceu no dia 01/05/1980, ele que é o titular"),
        ("birth_date", "29/02/1996", "Data de Nascimento 29/02/1996"),
    ])


def phones() -> list[Message]:
    return _values("phone", [
        ("phone", "+1 415 555 0198", "my number in the US is +1 415 555 0198"),
        ("phone", "+1-212-555-0147", "call me +1-212-555-0147"),
        ("phone", "+1 (646) 555-0123", "cel nos EUA +1 (646) 555-0123"),
        ("phone", "+14155550176", "whatsapp +14155550176"),
        ("phone", "(415) 555-0139", "US cell (415) 555-0139"),
        ("phone", "415-555-0161", "my cell is 415-555-0161"),
        ("phone", "+44 7700 900123", "UK mobile +44 7700 900123"),
        ("phone", "+44 (0)20 7946 0958", "office +44 (0)20 7946 0958"),
        ("phone", "+447700900456", "+447700900456 is my whatsapp"),
        ("phone", "07700 900789", "my UK mobile is 07700 900789"),
        ("phone", "+351 912 345 678", "tô em Lisboa, zap +351 912 345 678"),
        ("phone", "+351 21 345 6789", "telefone de casa em Portugal +351 21 345 6789"),
        ("phone", "+351912345679", "+351912345679"),
        ("phone", "00351 913 456 780", "liga 00351 913 456 780"),
        ("phone", "912 345 681", "telemóvel 912 345 681"),
        ("phone", "+34 612 34 56 78", "móvil +34 612 34 56 78"),
        ("phone", "+49 (0) 151 2345 6789", "Handy +49 (0) 151 2345 6789"),
        ("phone", "+54 9 11 4321-5678", "meu primo na argentina +54 9 11 4321-5678"),
        ("phone", "+598 94 123 456", "celular uruguaio +598 94 123 456"),
        ("phone", "+33 6 12 34 56 78", "portable +33 6 12 34 56 78"),
        ("phone", "+1 305.555.0184", "Miami office +1 305.555.0184"),
        ("phone", "001 415 555 0112", "do Brasil liga 001 415 555 0112"),
        ("phone", "+44 20 7946 0321", "London landline: +44 20 7946 0321, ask for Priya"),
        ("phone", "+351 93 456 7812", "meu número de Portugal é +351 93 456 7812"),
        ("phone", "(11) 9 4827-3910", "me chama no zap (11) 9 4827-3910 blz"),
        ("phone", "21987364512", "meu cel 21987364512 tb é whats"),
        ("phone", "48 99182-7364", "whats 48 99182-7364 😉"),
        ("phone", "(51) 3382-9174", "fixo de casa (51) 3382-9174"),
    ])


def emails() -> list[Message]:
    return _values("email", [
        ("email", "renata.alves+orcamento@gmail.com", "manda no renata.alves+orcamento@gmail.com"),
        ("email", "j.silva+solar2026@outlook.com.br", "email j.silva+solar2026@outlook.com.br"),
        ("email", "conceição.ferraz@yahoo.com.br", "meu email é conceição.ferraz@yahoo.com.br"),
        ("email", "andré@padaria-são-joão.com.br", "andré@padaria-são-joão.com.br"),
        ("email", "joão@família.net.br", "escreve pro joão@família.net.br"),
        ("email", "müller.k@gmx.de", "my German address müller.k@gmx.de"),
        ("email", "maria.josé+nf@empresa.com", "nota fiscal pra maria.josé+nf@empresa.com"),
        ("email", "ti-suporte+alertas@metalurgica-sul.ind.br", "alertas vão pra ti-suporte+alertas@metalurgica-sul.ind.br"),
        ("email", "o'connor.liam@gmail.com", "Liam here, o'connor.liam@gmail.com"),
        ("email", "Ana_Paula.91@Hotmail.com", "Ana_Paula.91@Hotmail.com 👈 meu email"),
        ("email", "user+tag+more@proton.me", "user+tag+more@proton.me"),
        ("email", "marcos.oliveira@empresa.co.uk", "reply to marcos.oliveira@empresa.co.uk"),
        ("email", "fátima.r@uol.com.br", "email da minha mãe fátima.r@uol.com.br"),
        ("email", "zé.luiz+casa@icloud.com", "zé.luiz+casa@icloud.com tb serve"),
        ("email", "contato@açaí-da-lu.com.br", "a loja da minha irmã é contato@açaí-da-lu.com.br"),
        ("email", "b.costa=financeiro@empresa.com.br", "b.costa=financeiro@empresa.com.br"),
        ("email", "helena.dias@correio.pt", "o email de portugal: helena.dias@correio.pt"),
        ("email", "priya.n+atende@example.org", "Priya (priya.n+atende@example.org) will sign"),
    ])


def informal_others() -> list[Message]:
    c = [cpf(b) for b in ("284719305", "519283746", "637182940", "402918375")]
    n = [cnpj(b) for b in ("482917360001", "193847260001")]
    k = [luhn(p) for p in ("539182740019283", "451829374610294")]
    return _values("misc", [
        ("cpf", c[0], "cpf {} tb preciso mandar rg?"),
        ("cpf", dots(c[1]), "cpf dele {} rg nao sei"),
        ("cpf", dots(c[2]), "CPF {} / RG vc já tem"),
        ("cpf", c[3], "my Brazilian tax ID {}"),
        ("cnpj", cnpj_dots(n[0]), "cnpj {} pra nota por favor"),
        ("cnpj", n[1], "CNPJ da oficina {} e o RG do dono vai depois"),
        ("card", f"{k[0][:4]} {k[0][4:8]} {k[0][8:12]} {k[0][12:]}", "passa no cartao {} blz"),
        ("card", k[1], "visa {} exp 08/29"),
        ("cep", "04538-132", "entrega no cep 04538-132 pfv"),
        ("cep", "80420090", "cep 80420090 curitiba"),
    ])


def mixed() -> list[Message]:
    a = cpf("730192846")
    h = cnh("582017364")
    return [
        ("p4-mixed-01", f"Nome: Jussara Prado\nRG: 24.918.375-3 SSP/SP\nCPF: {dots(a)}\nNasc.: 17/05/1983",
         [("rg", "24.918.375-3"), ("cpf", dots(a)), ("birth_date", "17/05/1983")]),
        ("p4-mixed-02", f"CNH {h} e RG 6.192.837 SSP/DF, tá bom?", [("cnh", h), ("rg", "6.192.837")]),
        ("p4-mixed-03", "passport FX918273, date of birth 04/11/1990, phone +44 7700 900517",
         [("passport", "FX918273"), ("birth_date", "04/11/1990"), ("phone", "+44 7700 900517")]),
        ("p4-mixed-04", "identidade 8.291.746 SDS-PE, nascimento 22/02/1972",
         [("rg", "8.291.746"), ("birth_date", "22/02/1972")]),
        ("p4-mixed-05", "rg 19283746 ssp go / zap 62 99182-3746",
         [("rg", "19283746"), ("phone", "62 99182-3746")]),
        ("p4-mixed-06", "email: pedro.h+obra@gmail.com | cel: +351 916 284 730",
         [("email", "pedro.h+obra@gmail.com"), ("phone", "+351 916 284 730")]),
    ]


CLEAN: list[str] = [
    # orders, protocols, invoices, tickets
    "pedido 48291736 saiu pra entrega hj",
    "protocolo 2026120500381 anotado, obg",
    "meu protocolo eh 20261203-118274",
    "Order #A8-55102 arrived without the bracket",
    "ordem de serviço 2026-004817 fechada sem visita",
    "nota fiscal nº 001.928.374 série 2",
    "NF 482917, emitida 01/12/2026",
    "invoice 2026/11/04817 still shows the old price",
    "fatura 3928 de novembro, R$ 212,40",
    "chamado 918273 reaberto pela 3a vez",
    "id do pedido 7f3a-22c1 no app",
    "pedido 12345-678 veio trocado",
    "ticket n° 5.829.174 ainda aberto",
    "Order number 38.192.746 shipped yesterday",
    "protocolo RG-2026-4471 do atendimento",
    "pedido 19.384.726-5 da loja online chegou aberto",
    "lote 2026-11-0048 com defeito",
    "contrato nº 0038172942 renovado",
    "nota 27.381.946 paga",
    # product codes and models
    "o painel SB-550M aguenta granizo?",
    "inversor HMS-2000-4T piscando laranja",
    "kit SB-KIT-8.2 com 15 placas",
    "modelo AB123456 do medidor",
    "bateria SB-BAT-10 em promoção?",
    "cód. produto 4829173 esgotado",
    "sku FT-482917 voltou pro estoque?",
    "part number GB193847 on the inverter board",
    "ref. XA-918273 do cabo",
    "cabo coaxial RG 59, rolo de 100 metros",
    "cabo RG6 pra antena, tem?",
    "conector RG-58 pro rádio",
    "roteador AX3000 vs AX1800, qual pega melhor?",
    # prices, money, quantities
    "R$ 38.192,74 em 10x sem juros?",
    "paguei 1.829,37 e veio cobrado 1.928,37",
    "total de 12.904.385 kWh gerados pela usina da cidade",
    "12345-678 unidades vendidas no ano passado, segundo o site",
    "fabricamos 48.201-49.300 peças por mês",
    "estoque 29384-716 caixas entre os dois CDs",
    "US$ 4,820.17 including shipping",
    "€ 2.918,00 no orçamento de Portugal",
    "+20% de geração com o kit novo",
    "+1 ano de garantia se fechar hoje",
    "conta baixou de 482 pra 91 reais",
    "gerou 1.048,6 kWh em novembro",
    "consumo 392 kWh, injetado 511 kWh",
    "leitura 0048291 kWh no medidor",
    "inclinação de 23 graus, 14 placas de 550 W",
    "economizei R$ 2.918 no ano",
    # dates and times without a birth word
    "a visita ficou pra 12/03/2027 às 9h",
    "instalado em 2024-03-12, funcionando ate hj",
    "vence 15/07/2026, posso pagar dia 20?",
    "de 08:00 às 18:00 seg a sex",
    "a promoção de aniversário da loja vai até 30/12/2026",
    "data de emissão 03/05/2026, data de vencimento 03/06/2026",
    "a casa foi construída em 12/03/1985, o telhado aguenta?",
    "nasci em 1990 e nunca vi conta tão alta kkk",
    "nasci em Londrina mas moro em Maringá",
    "born in Porto, living in Curitiba since 2019",
    "a data de nascimento no cadastro ta errada, como corrijo?",
    "the form asks for date of birth but there's no field for it",
    "data da compra 21/11/2025 e até hoje nada",
    "reunião 14:30 de 09/12",
    # documents named, no number
    "preciso mandar foto da CNH ou o RG serve?",
    "cnh categoria B desde 2009",
    "minha CNH vence em 12/2027, posso usar?",
    "o passaporte venceu, serve pra cadastro?",
    "passport expired in 2024, can I use my driver's license?",
    "título de eleitor precisa pra financiar?",
    "título de capitalização 0012345678 venceu",
    "boleto do título 48291736 pago",
    "alíquota de PIS/COFINS 9,25% na nota",
    "PIS 1,65% e COFINS 7,6% destacados",
    "o valor do PIS na fatura foi R$ 3,82",
    "vcs aceitam RG digital?",
    "meu RG é antigo, de 1998, tem problema?",
    "RG ou CNH, tanto faz?",
    "do I need an ID card or is the passport enough?",
    "o NIS serve pra tarifa social?",
    "tenho o PIS mas não sei o número",
    # versions, network, technical
    "versão 4.12.0 do app trava",
    "firmware v2.10.38 build 4829173",
    "IP 10.48.29.17 no roteador",
    "sinal -19,28 dBm na ONT",
    "ping 12 ms, download 482,9 Mbps",
    "android 14, app versão 3.9.1 (381729)",
    "CFOP 6.102, NCM 8504.40.90",
    "serial 2918374650 no inversor",
    "SN: 48201937-0012 do painel",
    "IMEI 352917384016273 do celular que comprei",
    # business lines and public numbers
    "SAC 0800 728 1940 não atende",
    "central 4004-2918 fica chamando",
    "agência 2918-3, conta 48291-7",
    "cartão final 4829 recusado",
    # English and mixed
    "My order 5829174 still says processing",
    "Ticket 482-917-364 was closed, please reopen",
    "the kit costs R$ 24,918.37 with installation",
    "we bought 1,829 panels for the farm, 550 W each",
    "invoice INV-48291 due 12/15/2026",
    "o tracking é LB482917364BR, tá parado",
    "meeting at 10:30 on 12/08, room 1902",
]


def messages() -> list[Message]:
    return (rgs() + other_documents() + birth_dates() + phones() + emails() + informal_others() + mixed()
            + [(f"p4-clean-{n:03d}", text, []) for n, text in enumerate(CLEAN, 1)])


def build() -> dict[str, list[Message]]:
    return checked_parts(messages(), lambda ident: "tune" if half(ident) == "a" else "holdout")


def main() -> int:
    write_halves("4", "Fourth", build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
