# ruff: noqa: E501, RUF001  (long hand-written messages; fullwidth digits, odd dashes and spaces on purpose)
"""A sixth hand-written PII probe (issue 16, item 4: PII misses and false findings on formatted and
unformatted values), written by p-pii7 before the check was changed for it. It leans on the kinds the
check still missed in aggregate on earlier probes' check halves, as customers really type them (informal
pt-BR without accents, "vcs", "pra", "blz", emojis; English; mixed; agent replies that repeat a value):

- a number given in two pieces across a sentence ("o cpf é 318.204 ... e o final 759-..."), and a phone
  given as its area code and then its number ("ddd 43, numero 99918-2736");
- RG labels in every spelling ("RGº", "RG nº", "RG n.º", "R.G.", "Rg.:", "RG-SP", "RG#", "RG=") and a
  passport number a few words after its word ("passaporte brasileiro novo FX...", "passport number is ...");
- values inside links, query strings, form posts and JSON ("?cpf=...", "&tel=%2B55...", "wa.me/55...",
  `{"telefone": "..."}`, `"rg":"..."`, "mailto:...");
- values typed with unicode digits (fullwidth, mathematical bold) or odd dashes and spaces (en dash, em
  dash, figure dash, minus sign, no-break and thin spaces copied from a PDF or an app);
- phones with +55 and odd grouping ("+55 43 999 182 736", "+55 (43) 9.9918-2736", "+55-43-9-9918-2736",
  "(+55 43) 99918-2736"), and e-mails with sub-addresses and capitals ("Bia.Santos+Boletos@Gmail.COM");
- CEPs in a full street address with its number and complement (the CEP is the value; the street, its number,
  the flat and the block are no value: street addresses are not covered, as pii.py and the README decide);
- and about a hundred clean texts full of numbers that are no personal data: orders, protocols, prices,
  dates and times in many shapes, kWp and kWh, serials and model codes, invoices, NF-e access keys, IMEIs,
  tracking codes, links and JSON that carry an order or a ticket, street numbers and flats, masked values.

Decisions written down here (and in the check):
- A number given in two pieces, where a document word names it and the pieces' digits together pass its
  check ("cpf 318.204 e o final 759-.."), is two values of that kind: both pieces are redacted. Pieces whose
  digits together fail the check are not claimed (they cannot be told from two other numbers).
- "ddd 43, numero 99918-2736": the number is the value (an area code alone identifies nobody).
- Street addresses stay (as decided before); a CEP in them is redacted.
- A URL-encoded "+" in an e-mail or a phone inside a query string ("%2B") belongs to the value.

Half rule (issue 16): half "a" if int(sha1(id).hexdigest(), 16) % 2 == 0 else "b"; half a is the tune
part (misses may be read and fixed generally), half b the holdout (figures only). Check digits are
computed from hand-typed bases; nothing is copied from evals/ or the other probes.

    python -m atende_guardrails.eval.build_pii_probe6

writes eval/pii_probe6_tune.tsv (half a) and eval/pii_probe6_holdout.tsv (half b)."""

from __future__ import annotations

from atende_guardrails.eval.build_pii_probe import checked_parts, cnpj, cpf, luhn, write_halves
from atende_guardrails.eval.build_pii_probe3 import Message, cnpj_dots, dots, half, split, wide
from atende_guardrails.eval.build_pii_probe4 import cnh, pis, rg_sp, rg_sp_dots

# the digits in a "fancy font" (mathematical bold), as some keyboards and name generators type them
_BOLD = {ord(c): 0x1D7CE + int(c) for c in "0123456789"}
EN, EM, FIG, MINUS, NBSP, THIN = "\u2013", "\u2014", "\u2012", "\u2212", "\u00a0", "\u2009"


def bold(text: str) -> str:
    return text.translate(_BOLD)


def _values(prefix: str, rows: list[tuple[str, str, str]]) -> list[Message]:
    return [(f"p6-{prefix}-{n:02d}", template.replace("{}", value), [(kind, value)])
            for n, (kind, value, template) in enumerate(rows, 1)]


C = [cpf(b) for b in ("418027365", "736150248", "209583716", "851374029", "627490183", "340918572", "975203614",
                      "146839250", "583062197", "802715936", "391648205", "064297381", "719385042", "258104963",
                      "937461028", "470238196", "615092847", "823567104", "106483975", "549720631", "287316509",
                      "693850142", "031279586", "764918320")]


def cpfs() -> list[Message]:
    c = C
    return _values("cpf", [
        ("cpf", dots(c[0]), "blz, anota ai o cpf da minha sogra {} ela q vai pagar"),
        ("cpf", c[1], "CPF.: {}"),
        ("cpf", f"{c[2][:3]}.{c[2][3:6]}.{c[2][6:9]}{EN}{c[2][9:]}", "cpf {} (copiei do app do banco)"),
        ("cpf", f"{c[3][:3]}.{c[3][3:6]}.{c[3][6:9]}{EM}{c[3][9:]}", "meu cpf: {}"),
        ("cpf", f"{c[4][:3]}.{c[4][3:6]}.{c[4][6:9]}{FIG}{c[4][9:]}", "Titular: Ivone Prado, CPF {}"),
        ("cpf", f"{c[5][:3]}.{c[5][3:6]}.{c[5][6:9]}{MINUS}{c[5][9:]}", "documento {} conforme contrato"),
        ("cpf", f"{c[6][:3]}{NBSP}{c[6][3:6]}{NBSP}{c[6][6:9]}{NBSP}{c[6][9:]}", "cpf {} ok?"),
        ("cpf", wide(dots(c[7])), "ｃｐｆ {}"),
        ("cpf", bold(dots(c[8])), "meu cpf é {} 😅"),
        ("cpf", bold(c[9]), "CPF {}"),
        ("cpf", dots(c[10]), "Certo, Joice. Atualizei o cadastro para o CPF {} e reenviei o contrato."),
        ("cpf", c[11], "my taxpayer number (CPF) is {} pls update"),
        ("cpf", dots(c[12]), "cpf do meu pai q é o dono da casa: {}, ele ta sem zap"),
        ("cpf", f"{c[13][:3]}.{c[13][3:6]}.{c[13][6:9]}{THIN}-{THIN}{c[13][9:]}", "CPF: {}"),
        ("cpf", dots(c[14]), "{} <- cpf"),
        ("cpf", c[15], "o número do meu cpf é o {}"),
        ("cpf", f"{c[16][:3]}-{c[16][3:6]}-{c[16][6:9]}-{c[16][9:]}", "cpf {} desculpa os tracos"),
        ("cpf", dots(c[17]), "segue CPF {}, RG eu envio amanha"),
        ("cpf", f"{c[18][:3]}.{c[18][3:6]}.{c[18][6:9]}/{c[18][9:]}", "cpf {}"),
        ("cpf", dots(c[19]), "pode emitir no CPF da empresa individual: {}"),
    ])


def split_values() -> list[Message]:
    """A number in two pieces across a sentence: both pieces are values of its kind."""
    a, b, c, d, e, f = (cpf(x) for x in ("512803694", "630174952", "284916037", "905372418", "147608253", "378291640"))
    n = cnpj("271950380001")
    k = luhn("540193827465019")
    rows: list[Message] = [
        ("p6-split-01", f"o cpf é {a[:3]}.{a[3:6]} ... e o final {a[6:9]}-{a[9:]}",
         [("cpf", f"{a[:3]}.{a[3:6]}"), ("cpf", f"{a[6:9]}-{a[9:]}")]),
        ("p6-split-02", f"cpf comeca com {b[:6]} e termina com {b[6:]}",
         [("cpf", b[:6]), ("cpf", b[6:])]),
        ("p6-split-03", f"meu cpf {c[:3]}.{c[3:6]}.{c[6:9]}, o digito é {c[9:]}",
         [("cpf", f"{c[:3]}.{c[3:6]}.{c[6:9]}"), ("cpf", c[9:])]),
        ("p6-split-04", f"CPF: {d[:3]}.{d[3:6]}.\n(continua) {d[6:9]}-{d[9:]}",
         [("cpf", f"{d[:3]}.{d[3:6]}"), ("cpf", f"{d[6:9]}-{d[9:]}")]),
        ("p6-split-05", f"my CPF starts {e[:3]} {e[3:6]} and ends {e[6:9]}-{e[9:]}",
         [("cpf", f"{e[:3]} {e[3:6]}"), ("cpf", f"{e[6:9]}-{e[9:]}")]),
        ("p6-split-06", f"cpf {f[:5]} e depois {f[5:]}",
         [("cpf", f[:5]), ("cpf", f[5:])]),
        ("p6-split-07", f"o cnpj da firma é {n[:2]}.{n[2:5]}.{n[5:8]} e a parte final /{n[8:12]}-{n[12:]}",
         [("cnpj", f"{n[:2]}.{n[2:5]}.{n[5:8]}"), ("cnpj", f"{n[8:12]}-{n[12:]}")]),
        ("p6-split-08", f"cartao {k[:4]} {k[4:8]} ... o resto é {k[8:12]} {k[12:]}",
         [("card", f"{k[:4]} {k[4:8]}"), ("card", f"{k[8:12]} {k[12:]}")]),
    ]
    rows += _values("ddd", [
        ("phone", "99918-2731", "ddd 43, numero 99918-2731"),
        ("phone", "98214-5507", "meu ddd é 11 e o cel 98214-5507"),
        ("phone", "3325-8814", "DDD 41 tel fixo 3325-8814"),
        ("phone", "99702 6613", "o whats é 99702 6613, ddd 62"),
        ("phone", "9 8840-1276", "area code 21, mobile 9 8840-1276"),
    ])
    return rows


def rgs() -> list[Message]:
    s = [rg_sp(b) for b in ("40281736", "35917284", "28460319", "47193052", "31508476", "26739148", "39051627",
                            "42816390")]
    return _values("rg", [
        ("rg", rg_sp_dots(s[0]), "RGº {}"),
        ("rg", rg_sp_dots(s[1]), "RG nº {} SSP/SP"),
        ("rg", s[2], "RG n.º {}"),
        ("rg", rg_sp_dots(s[3]), "R.G. {} expedido em 2015"),
        ("rg", s[4], "R.G.: {}"),
        ("rg", rg_sp_dots(s[5]), "Rg.: {}"),
        ("rg", rg_sp_dots(s[6]), "RG-SP {}"),
        ("rg", s[7], "RG#{}"),
        ("rg", "12.847.390", "rg=12.847.390 (mg)"),
        ("rg", "7.204.815", "RG Nº: 7.204.815 SSP-DF"),
        ("rg", "3049182", "rg n° 3049182 sds-pe"),
        ("rg", "29.381.504-7", "RGº: 29.381.504-7 SSP"),
        ("rg", "1093847261", "meu R.G é 1093847261 (RS)"),
        ("rg", "MG-11.482.903", "RG nº MG-11.482.903"),
        ("rg", "5.920.318", "rg num. 5.920.318 SSP/SC"),
        ("rg", "40.182.937-3", "numero do rg: 40.182.937-3"),
        ("rg", "8203917", "R. G. 8203917 PC-PA"),
        ("rg", "33.019.284-6", "Conferi aqui: o RG nº 33.019.284-6 está no nome da Sra. Lúcia. Pode confirmar?"),
        ("rg", "20.473.918-5", "RG(SP) 20.473.918-5"),
        ("rg", "9.381.024", "my RG no. 9.381.024 issued in Paraná"),
        ("rg", "13.729.408-2", "rg - 13.729.408-2"),
        ("rg", wide("24.918.307-1"), "ＲＧ {}"),
        ("rg", f"34.190.283{EN}5", "rg 34.190.283" + EN + "5"),
        ("rg", "4829103", "identidade nº 4829103 / SSP-GO"),
    ])


def passports() -> list[Message]:
    return _values("passport", [
        ("passport", "FX483920", "passaporte brasileiro FX483920"),
        ("passport", "GC918273", "meu passaporte novo é o GC918273"),
        ("passport", "561948302", "passport number is 561948302 (US)"),
        ("passport", "YB204816", "passaporte do meu marido YB204816, vence em 2030"),
        ("passport", "CB382019", "o numero do passaporte: CB382019"),
        ("passport", "GD730194", "Passport: GD730194, Brazilian"),
        ("passport", "AAF482019", "pasaporte argentino AAF482019"),
        ("passport", "FW1938274", "passaporte nº FW1938274"),
        ("passport", "YC502918", "Anotei o passaporte YC502918 para a reserva da visita técnica."),
        ("passport", "534018267", "UK passport no 534018267"),
    ])


def links_and_json() -> list[Message]:
    a, b, c, d, e = (cpf(x) for x in ("472019358", "830462917", "195827304", "657304189", "308519746"))
    n = cnpj("384720150001")
    return _values("link", [
        ("cpf", a, "https://portal.solarbrisa.com.br/segunda-via?cpf=" + a + "&mes=11"),
        ("cpf", dots(b), "abre esse link q mandaram: https://app.exemplo.com/cliente?doc=" + dots(b) + "&tipo=pf"),
        ("cpf", c, '{"nome": "Rita Gomes", "cpf": "' + c + '", "plano": "solar 5"}'),
        ("cpf", dots(d), "{'cpf':'" + dots(d) + "','cidade':'Maringa'}"),
        ("cpf", e, "cpf=" + e + "&nascimento=1990"),
        ("cnpj", n, "https://nfe.exemplo.gov.br/consulta?cnpj=" + n),
        ("phone", "5543999182733", "me chama aqui https://wa.me/5543999182733"),
        ("phone", "+5541998127730", "tel:+5541998127730"),
        ("phone", "%2B5511987604412", "https://api.whatsapp.com/send?phone=%2B5511987604412&text=oi"),
        ("phone", "43999182734", '{"telefone": "43999182734", "pedido": 55120}'),
        ("phone", "(44) 99120-4478", '{"contato":"(44) 99120-4478"}'),
        ("phone", "11987604413", "celular=11987604413&origem=site"),
        ("email", "bia.santos+solar@gmail.com", "mailto:bia.santos+solar@gmail.com"),
        ("email", "Rafa.Lima%2Bnf@gmail.com", "https://site.com/cadastro?email=Rafa.Lima%2Bnf@gmail.com&ok=1"),
        ("email", "joel.prates@yahoo.com.br", '{"email":"joel.prates@yahoo.com.br"}'),
        ("cep", "86015-280", "https://viacep.com.br/ws/86015-280/json/"),
        ("cep", "87020100", '{"cep": "87020100", "numero": "1200"}'),
        ("rg", "41.928.307-2", '{"rg": "41.928.307-2", "orgao": "SSP"}'),
        ("rg", "7391028", "rg=7391028&uf=PR"),
        ("pix_key", "5c1f8e2a-7b3d-4e90-a6c1-2f8b9d04e731", '{"chave_pix": "5c1f8e2a-7b3d-4e90-a6c1-2f8b9d04e731"}'),
    ])


def phones() -> list[Message]:
    return _values("phone", [
        ("phone", "+55 43 999 182 735", "whats +55 43 999 182 735"),
        ("phone", "+55 (43) 9.9918-2736", "+55 (43) 9.9918-2736 me chama"),
        ("phone", "+55-43-9-9918-2737", "cel +55-43-9-9918-2737"),
        ("phone", "(+55 43) 99918-2738", "contato (+55 43) 99918-2738"),
        ("phone", "+55 439 9918 2739", "meu numero +55 439 9918 2739"),
        ("phone", "+55 43 99 918 27 40", "zap: +55 43 99 918 27 40"),
        ("phone", "+55.43.99918.2741", "+55.43.99918.2741"),
        ("phone", "+55(43)999182742", "+55(43)999182742 é o whats da loja do meu irmão"),
        ("phone", "+55 043 99918-2743", "pode ligar no +55 043 99918-2743"),
        ("phone", "+55 43 9991-82744", "whatsapp +55 43 9991-82744"),
        ("phone", "+ 55 11 98721 0036", "+ 55 11 98721 0036 é o meu"),
        ("phone", "+55 11 9 8 7 2 1 0 0 3 7", "meu cel +55 11 9 8 7 2 1 0 0 3 7"),
        ("phone", "+5511 98721-0038", "liga +5511 98721-0038"),
        ("phone", "+55 11 3045-2290", "fixo do escritorio +55 11 3045-2290"),
        ("phone", "+55 (11) 9 8721 0039", "Claro! Vou pedir para o técnico ligar no +55 (11) 9 8721 0039 antes de sair."),
        ("phone", "+55 21 98765 432 1", "my brazilian number +55 21 98765 432 1"),
        ("phone", "+55 48 9.8812.7740", "+55 48 9.8812.7740 (whats)"),
        ("phone", "+55 " + EN + " 62 98140" + EN + "3321", "telefone: +55 " + EN + " 62 98140" + EN + "3321"),
        ("phone", "+55 31 9" + NBSP + "8823" + NBSP + "4410", "cel +55 31 9" + NBSP + "8823" + NBSP + "4410"),
        ("phone", wide("+55 41 99812-3345"), "ｗｈａｔｓ " + wide("+55 41 99812-3345")),
        ("phone", bold("43 99918-2745"), "zap " + bold("43 99918-2745")),
        ("phone", "(43) 99918" + EM + "2746", "celular (43) 99918" + EM + "2746"),
        ("phone", "43 9 9918" + MINUS + "2747", "meu zap 43 9 9918" + MINUS + "2747"),
        ("phone", "0055 43 99918 2748", "de fora do brasil: 0055 43 99918 2748"),
        ("phone", "55 43 99918-2749", "meu whats é 55 43 99918-2749 😊"),
        ("phone", "(43)9-9918-2750", "tel (43)9-9918-2750"),
        ("phone", "43 - 99918 - 2751", "cel 43 - 99918 - 2751"),
        ("phone", "+1 (646) 555-0183", "I'm in NY now, +1 (646) 555-0183"),
        ("phone", "+351 93 481 2207", "estou em Lisboa, o numero daqui é +351 93 481 2207"),
        ("phone", "+55 85 3261 77 09", "fone +55 85 3261 77 09"),
    ])


def emails() -> list[Message]:
    return _values("email", [
        ("email", "Bia.Santos+Boletos@Gmail.COM", "manda pro Bia.Santos+Boletos@Gmail.COM"),
        ("email", "JOAO.PEDRO+NF@HOTMAIL.COM.BR", "EMAIL: JOAO.PEDRO+NF@HOTMAIL.COM.BR"),
        ("email", "contato+solar2026@fazenda-boa-vista.agr.br", "usa o contato+solar2026@fazenda-boa-vista.agr.br pra proposta"),
        ("email", "mari.lopes+orcamento-01@outlook.com", "meu e-mail é mari.lopes+orcamento-01@outlook.com"),
        ("email", "Ana_Paula+Energia@Yahoo.Com.Br", "Ana_Paula+Energia@Yahoo.Com.Br"),
        ("email", "NOME.SOBRENOME@EMPRESA.IND.BR", "Por favor enviar para NOME.SOBRENOME@EMPRESA.IND.BR"),
        ("email", "t.ribeiro+solar@proton.me", "please use t.ribeiro+solar@proton.me for the quote"),
        ("email", "Carlos.Henrique@Uol.Com.Br", "o email do meu contador Carlos.Henrique@Uol.Com.Br"),
        ("email", "financeiro+nf-e@padariatrigal.com.br", "Enviei a nota para financeiro+nf-e@padariatrigal.com.br, tá bom?"),
        ("email", "lucas.m+1@gmail.com", "lucas.m+1@gmail.com 👈 esse"),
        ("email", "FERNANDA.G@GMAIL.COM", "<FERNANDA.G@GMAIL.COM>"),
        ("email", "paulo.reis+casa@icloud.com", "Paulo Reis <paulo.reis+casa@icloud.com>"),
        ("email", "dona.cida+netos@bol.com.br", "email da minha mae: dona.cida+netos@bol.com.br, ela nao sabe mexer"),
        ("email", "Eng.Marcos+Obras@Construtora-Sul.COM", "eng responsavel: Eng.Marcos+Obras@Construtora-Sul.COM"),
        ("email", "r.souza+faturas@empresa.co.uk", "UK office: r.souza+faturas@empresa.co.uk"),
        ("email", "GI.ALMEIDA+2@GMAIL.COM", "GI.ALMEIDA+2@GMAIL.COM é o certo, o outro eu perdi a senha"),
        ("email", "kaue.lima@gmail.com", "email:kaue.lima@gmail.com;tel:depois"),
        ("email", wide("vivi.r@gmail.com"), "email " + wide("vivi.r@gmail.com")),
        ("email", "tati.b+solar@gmail.com", "o e-mail tati.b+solar@gmail.com."),
        ("email", "Helio.Costa@Terra.com.br", "Helio.Costa@Terra.com.br,"),
    ])


def addresses() -> list[Message]:
    """A CEP in a street address with its number and complement: the CEP is the value."""
    return _values("addr", [
        ("cep", "86015-410", "endereço: Rua Pernambuco, 1450, apto 702, bloco B - Centro - 86015-410"),
        ("cep", "87013-190", "Av. Brasil 2300 sala 12, cep 87013-190, Maringá"),
        ("cep", "80230-040", "rua xv de novembro n 88 fundos, cep 80230-040"),
        ("cep", "13045-610", "R. das Palmeiras, 45 - casa 2 - Jd. Europa - Campinas/SP - CEP 13045-610"),
        ("cep", "04711-030", "Rua Amaro Guerra 711, ap 84 torre 2, 04711-030 SP"),
        ("cep", "88036-200", "Servidão dos Açores 120, casa 3 (fundos), Florianópolis 88036-200"),
        ("cep", "30140071", "Av. Getúlio Vargas, 1300, 5º andar, sala 503, cep 30140071"),
        ("cep", "69057-015", "Conjunto Vieiralves, rua 7, quadra 12, lote 4, cep 69057-015"),
        ("cep", "59.064-500", "Rua Seridó 931 ap 1002, Natal, CEP 59.064-500"),
        ("cep", "74.150-030", "O endereço da instalação ficou: Rua T-55, 480, Qd 102 Lt 9, Setor Bueno, 74.150-030. Confere?"),
        ("cep", "91350-240", "delivery to Rua Dona Laura 1020, apt 301, zip 91350-240, Porto Alegre"),
        ("cep", "60160" + EN + "230", "Rua Tibúrcio Cavalcante 2700, 60160" + EN + "230"),
    ])


def cards() -> list[Message]:
    k = [luhn(p) for p in ("539104827365021", "491826305718264", "376402918305726", "650316829104738",
                           "222407918362510", "455102938475620", "516903827461039", "401928374610583")]
    return _values("card", [
        ("card", f"{k[0][:4]}{EN}{k[0][4:8]}{EN}{k[0][8:12]}{EN}{k[0][12:]}", "cartao {}"),
        ("card", f"{k[1][:4]}{NBSP}{k[1][4:8]}{NBSP}{k[1][8:12]}{NBSP}{k[1][12:]}", "Cartão: {}"),
        ("card", split(k[2], 4, 6), "amex {} venc 03/29"),
        ("card", wide(split(k[3], 4, 4, 4)), "cartão elo {}"),
        ("card", bold(split(k[4], 4, 4, 4)), "{} mastercard"),
        ("card", split(k[5], 4, 4, 4), "paguei no credito {} e foi recusado 2x"),
        ("card", k[6], '{"cartao": "' + k[6] + '", "parcelas": 12}'),
        ("card", f"{k[7][:4]}{EM}{k[7][4:8]}{EM}{k[7][8:12]}{EM}{k[7][12:]}", "card {}"),
    ])


def other() -> list[Message]:
    n = [cnpj(b) for b in ("592810370001", "160483920001", "7KQ2M9X40001")]
    h = cnh("618203947")
    p = pis("1304927581")
    return _values("other", [
        ("cnpj", f"{n[0][:2]}.{n[0][2:5]}.{n[0][5:8]}/{n[0][8:12]}{EN}{n[0][12:]}", "CNPJ {}"),
        ("cnpj", wide(cnpj_dots(n[1])), "cnpj " + wide(cnpj_dots(n[1]))),
        ("cnpj", cnpj_dots(n[2]), "CNPJ alfanumérico da filial nova: {}"),
        ("cnh", h, "CNH nº {} categoria B"),
        ("pis", p, "pis/pasep {}"),
        ("birth_date", "07/09/1984", "nascido em 07/09/1984"),
        ("birth_date", "12" + EN + "03" + EN + "1991", "data de nasc. 12" + EN + "03" + EN + "1991"),
        ("birth_date", "March 3, 1979", "DOB: March 3, 1979"),
        ("birth_date", "5 de maio de 1990", "nasci dia 5 de maio de 1990"),
        ("pix_key", "8E2D71C0-4A9B-4F3E-B6D2-1C7A09E5F384", "pix aleatoria 8E2D71C0-4A9B-4F3E-B6D2-1C7A09E5F384"),
        ("pix_key", "a7c3e9f1" + EN + "2b4d" + EN + "4c6e" + EN + "8f01" + EN + "3a5c7e9b1d2f",
         "chave pix: a7c3e9f1" + EN + "2b4d" + EN + "4c6e" + EN + "8f01" + EN + "3a5c7e9b1d2f"),
    ])


def more() -> list[Message]:
    """A second round of the same kinds, in other settings: a form pasted, an agent reply, English, emojis."""
    c = [cpf(b) for b in ("538201746", "172930485", "804617293", "361084529")]
    k = luhn("523718409265173")
    return _values("more", [
        ("rg", "16.283.904-7", "rg:16.283.904-7 e o orgao é ssp sp"),
        ("rg", "9204731", "RG N.º 9204731 / PR"),
        ("rg", "31.904.218-4", "R.G.nº 31.904.218-4"),
        ("rg", "MG 14.093.827", "meu rg é MG 14.093.827 tá, não é o cpf"),
        ("rg", "6.029.384", "o rg da minha esposa, 6.029.384, SSP/DF"),
        ("rg", "20.918.374-0", "Registro Geral nº 20.918.374-0"),
        ("phone", "+55 44 99817 3302", "Oi! Aqui é a Marta, meu whats mudou: +55 44 99817 3302 🙏"),
        ("phone", "+55(21)3821-4470", "fixo: +55(21)3821-4470"),
        ("phone", "+55 11 9 9184-0027", "Call or text +55 11 9 9184-0027, I speak english"),
        ("phone", "+55 (047) 99612-8830", "meu cel +55 (047) 99612-8830"),
        ("phone", "+55 62 9 81 40 33 22", "whatsapp +55 62 9 81 40 33 22"),
        ("phone", "+55 27 99820.1174", "+55 27 99820.1174 é o zap do meu filho q vai receber a equipe"),
        ("email", "Leticia.Moura+NF@Outlook.com", "nf pra Leticia.Moura+NF@Outlook.com pf"),
        ("email", "SUPORTE.TI+SOLAR@HOSPITALVIDA.ORG.BR", "cc SUPORTE.TI+SOLAR@HOSPITALVIDA.ORG.BR"),
        ("email", "andre_b+promo@gmail.com", "my email is andre_b+promo@gmail.com thanks"),
        ("email", "Dra.Silvia+Clinica@gmail.com", "Dra.Silvia+Clinica@gmail.com (e-mail da clínica)"),
        ("email", "PEDRO.H.MELO@ICLOUD.COM", "O comprovante foi enviado para PEDRO.H.MELO@ICLOUD.COM às 10h12."),
        ("cpf", c[0], "https://wa.me/5543999182759?text=oi%20meu%20cpf%20" + c[0]),
        ("cpf", dots(c[1]), '[{"tipo":"cpf","valor":"' + dots(c[1]) + '"}]'),
        ("phone", "5544998120036", "https://api.whatsapp.com/send/?phone=5544998120036"),
        ("email", "gabi.n+solar@gmail.com", '"email": "gabi.n+solar@gmail.com",'),
        ("cep", "86010-190", "cep=86010-190&numero=45&complemento=ap%2012"),
        ("cpf", f"{c[2][:3]}.{c[2][3:6]}.{c[2][6:9]}{EN}{c[2][9:]}", "CPF n.º {}"),
        ("cpf", bold(f"{c[3][:3]}.{c[3][3:6]}.{c[3][6:9]}-{c[3][9:]}"), "✨ cpf ✨ {}"),
        ("card", f"{k[:4]} {k[4:8]} {k[8:12]} {k[12:]}".replace(" ", THIN), "cartão {}"),
        ("phone", wide("(43) 99918-2760"), "ｃｅｌ " + wide("(43) 99918-2760")),
        ("cep", wide("86020-440"), "ｃｅｐ " + wide("86020-440")),
        ("passport", "FZ029384", "passaporte (brasileiro, emitido 2023): FZ029384"),
        ("passport", "GA384019", "My passport # GA384019"),
        ("passport", "YE918273", "passaporte válido até 2032 nº YE918273"),
    ])


def mixed() -> list[Message]:
    a, b = cpf("926304817"), cpf("301847265")
    return [
        ("p6-mixed-01", f"Nome: Cleide Amaral\nCPF: {dots(a)}\nRG nº 18.204.937-5\nCel: +55 (44) 9 9831-2207\nE-mail: CLEIDE.AMARAL+SOLAR@GMAIL.COM\nEnd.: Rua Quintino Bocaiúva 512, ap 31, 87020-060",
         [("cpf", dots(a)), ("rg", "18.204.937-5"), ("phone", "+55 (44) 9 9831-2207"),
          ("email", "CLEIDE.AMARAL+SOLAR@GMAIL.COM"), ("cep", "87020-060")]),
        ("p6-mixed-02", f"oi vcs, cpf {b} zap +55 43 9 9702 1184 email edu.f+solar@hotmail.com blz?",
         [("cpf", b), ("phone", "+55 43 9 9702 1184"), ("email", "edu.f+solar@hotmail.com")]),
        ("p6-mixed-03", '{"cliente": {"nome": "Osmar", "telefone": "+55 41 99871-2033", "email": "osmar.k@gmail.com", "cep": "80420-130"}, "pedido": "SB-48213"}',
         [("phone", "+55 41 99871-2033"), ("email", "osmar.k@gmail.com"), ("cep", "80420-130")]),
        ("p6-mixed-04", "R.G. 27.381.904-6 e passaporte YD392018, I travel a lot",
         [("rg", "27.381.904-6"), ("passport", "YD392018")]),
        ("p6-mixed-05", "pedido 48213 / protocolo 20261205-7731 / meu cel (43) 9 9720" + EN + "1187",
         [("phone", "(43) 9 9720" + EN + "1187")]),
    ]


CLEAN: list[str] = [
    # orders, protocols, tickets
    "pedido 53019-274 saiu pra entrega?",
    "o protocolo q me deram foi 2026120500417, e agora?",
    "protocolo n° 4399918-2736 do atendimento de ontem",
    "Protocol 2026-1205-8841 was opened for your visit.",
    "ticket #40817 fechado sem resposta 😡",
    "chamado 2026/118204 aberto dia 02/12",
    "pedido nº 31.870.452 — entregue",
    "order id 7731-0459-2281 on the receipt",
    "número do pedido: 98201837465, comprado no site",
    "minha OS é a 551203, técnico Jorge",
    "https://loja.solarbrisa.com.br/pedidos/48213920175/status",
    '{"pedido": "48213920175", "status": "entregue", "valor": 18490.0}',
    "https://portal.exemplo.com/chamados?id=2026120577&aba=historico",
    "NF-e 000.482.117 série 001, chave 4126 1205 3019 2740 0018 5500 1000 4821 1710 4829 1734",
    "fatura 2026.11.004827 ainda em aberto",
    "rastreio QR 482 019 375 BR parado desde 28/11",
    "tracking number 9400 1118 9922 3857 4410 23",
    "código de rastreamento PX928374615BR",
    "IMEI 352099001761481 do celular q deu problema no app",
    "EAN 7891234567895 na caixa do conector",
    # serials, models, technical values
    "inversor SB-INV-8K-2 serie 2310-4471-8820",
    "SN: 2311048271935, modelo X3-HYB-6.0-D",
    "placas TSM-550DE19M lote 20261104-03",
    "micro inversor HMS-2000-4T, firmware V01.02.18",
    "o kit é de 7,15 kWp, 13 placas de 550 Wp",
    "sistema 12,1 kWp gerando 1.502,7 kWh/mês",
    "geração de hoje 38,4 kWh, pico 7.82 kW às 12:41",
    "leitura 0051827 kWh consumidos e 0049203 injetados",
    "medidor 1098273645 trocado pela copel",
    "UC 51048273 na conta de luz",
    "instalação nº 3008417295 na fatura da Copel",
    "string 1: 9 placas, 415 V; string 2: 8 placas, 372 V",
    "disjuntor de 40 A, cabo 6 mm², 28 m até o quadro",
    "tensão 127/220 V, frequência 60 Hz",
    "o app mostra 98,7% de eficiência e 41 °C",
    "erro F-2041 no visor desde 14:07",
    "versão 2.14.3 (build 20261201.4)",
    "IP 192.168.15.20, máscara 255.255.255.0",
    "ONU ZTE F670L sinal -22.4 dBm, serial ZTEGC8A1B2C3",
    "MAC 9C:3D:CF:12:8A:0F no roteador",
    "coordenadas da usina: -23,4103 / -51,9331",
    # prices and money
    "R$ 27.890,00 à vista ou 18x de R$ 1.749,90",
    "ficou R$ 1.302,45 a parcela, total R$ 46.888,20",
    "paguei R$ 389,90 + R$ 42,50 de juros",
    "o orçamento deu R$ 31.420,00 pro kit de 8,8 kWp",
    "economia estimada de R$ 612/mês, payback de 4,3 anos",
    "USD 4,299.00 vs R$ 21.495,00",
    "desconto de 7,5% no pix, fica R$ 25.798,25",
    "entrada de 30% (R$ 9.426,00) e o resto em 24x",
    # dates and times
    "visita marcada 09/12/2026 das 8h às 12h",
    "instalado dia 14–03–2025, garantia até 14–03–2035",
    "comprei em 2025-07-21T15:42:08Z segundo o e-mail",
    "vence 28/02/2027 e a outra 31/03/2027",
    "horário 08:00—18:00 seg a sex",
    "de 10/01 a 25/01 a equipe está de férias",
    "Your installation is scheduled for Dec 14, 2026 at 9:30 am.",
    "nasceu meu neto dia 03/11 e por isso remarquei a visita",
    "a loja faz aniversário dia 12/03/2026 com desconto",
    "em 1998 instalei aquecedor solar, agora quero fotovoltaico",
    # addresses without a CEP (street numbers and flats stay)
    "moro na rua das Flores 1287, apto 402, bloco C",
    "a obra é na Av. Higienópolis, 2033, sala 1104",
    "chácara no km 23 da PR-445, lote 17",
    "quadra 104 sul, conjunto 3, casa 12",
    # bank and business numbers, masked values
    "agência 3312-4, conta corrente 01827-3",
    "banco 237 ag 1452 cc 0098127-5",
    "SAC 0800 742 1190, capitais 4004-2190",
    "(41) 4003-8821 é o numero da central de vcs?",
    "liguei no 0300 313 2020 e caiu",
    "cartão final 8841 foi cobrado 2x",
    "•••• •••• •••• 4410 no comprovante",
    "CPF ***.204.759-** aparece na nota",
    "cel terminado em 27-36 no cadastro",
    "o cpf do boleto termina em -25",
    # quantities and measures
    "24.318 clientes em 2026, 1.902 cidades",
    "98301-442 unidades vendidas no trimestre",
    "12.847,3 kWh acumulados desde 2019",
    "telhado de 62,4 m² com inclinação de 18°",
    "3x SB-BAT-5 e 2x SB-EV7 no pedido 60413",
    # documents named, no number
    "preciso mandar rg ou cnh?",
    "o passaporte serve como documento?",
    "qual o cnpj de vcs pra por na nota?",
    "meu cpf ta no nome da minha mae ainda",
    "esqueci o e-mail q usei no cadastro",
    "o telefone da loja mudou?",
    "the RG 59 cable is 100 m long",
    # bare runs whose check fails and that no word names
    "apareceu o código 84720193651 no app",
    "o display mostra 3104827561",
    "ref. 52019384721 no canhoto",
    "codigo de verificação 482913 chegou por sms",
    # English and mixed
    "order #55812 shipped 03/12, arrives 12/12",
    "invoice INV-2026-118204 total R$ 12,480.00",
    "serial number SBINV8K-2026-004411 shows error E-118",
    "my meter reads 004827 kWh, last month 004391",
    "the quote QT-2026-0412 expires on 12/20/2026",
    "we paid 2x R$ 6.245,00 on 11/28 and 11/29",
    "Your protocol number is 2026120512345. Please keep it.",
    "Olá! Seu pedido 48213 foi faturado em 05/12/2026 às 10:32, NF 000.118.204.",
    "A visita do técnico Marcos ficou para 11/12 às 14h, protocolo 20261205-0091.",
    "O kit SB-KIT-8.2 custa R$ 31.870,00 e gera cerca de 1.050 kWh/mês.",
]


def messages() -> list[Message]:
    return (cpfs() + split_values() + rgs() + passports() + links_and_json() + phones() + emails() + addresses()
            + cards() + other() + more() + mixed() + [(f"p6-clean-{n:03d}", text, []) for n, text in enumerate(CLEAN, 1)])


def build() -> dict[str, list[Message]]:
    return checked_parts(messages(), lambda ident: "tune" if half(ident) == "a" else "holdout")


def main() -> int:
    write_halves("6", "Sixth", build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
