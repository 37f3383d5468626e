# ruff: noqa: E501, RUF001  (long hand-written messages; fullwidth and look-alike characters on purpose)
"""A third hand-written probe of the PII check (issue 16, item 4: misses and false findings on
formatted and unformatted values), written before the check was run on it. Values in the shapes
earlier probes left out: separators in odd places (spaces, dots, slashes), values broken by a line
break or split by a dictated word ("traço", "dígito"), fullwidth digits, values inside URLs, query
strings and JSON, digits spaced one by one; phones with +55, 0055, (0xx), a 0 trunk prefix, old
8-digit mobiles without the leading 9, wa.me links; e-mails with plus tags, subdomains, capitals,
accents, spelled out ("arroba", "[at]", "at ... dot") or with a comma typed for the dot; cards
with spaces, dashes and dots, Amex 4-6-5, Diners 4-6-4, Elo, Hipercard, Mastercard 2-series;
CEPs with and without the dash, with dots, in a URL; boleto lines broken over lines and the 44-digit
bar code; Pix keys (random EVP keys with and without dashes, phone, e-mail and CPF keys) and Pix
"copia e cola" payloads; RGs of many states with their issuing bodies. Clean messages hold
numbers that look like personal data and are not: orders, protocols, prices, dates, times, kWh
readings, panel and router model codes, serial numbers, invoices, percentages, plan speeds,
lawsuit and process numbers, years, measurements.

Decisions written down here (and in the check):
- A document number the customer mistyped is still theirs: a CPF, CNPJ or card whose check digits
  fail, written where the text names it ("meu cpf é ...", "cartão ..."), is redacted (one wrong
  digit leaves the other ten identifying). Such values are labelled with their kind here. A bare
  run of digits without such a word and without valid check digits is not claimed.
- A Pix "copia e cola" payload is labelled pix_key as a whole: it carries the receiver's key, name
  and city.
- The 44-digit bar code of a boleto is a boleto like its 47/48-digit digitable line.
- A value split by a dictated word ("123.456.789 traço 09") counts only when the whole span,
  word included, is redacted.
- A mobile number written the old way, 8 digits without the leading 9 ("(11) 8765-4321"), is a
  phone: people still write their number so.

Half rule (issue 16): half "a" if int(sha1(id).hexdigest(), 16) % 2 == 0 else "b"; half a is the
tune part (misses may be read and fixed generally), half b the holdout (figures only). Check digits
are computed from hand-typed bases; nothing is copied from evals/ or the other probes.

    python -m atende_guardrails.eval.build_pii_probe3

writes eval/pii_probe3_tune.tsv (half a) and eval/pii_probe3_holdout.tsv (half b)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from atende_guardrails.eval.build_pii_probe import (
    bank_boleto,
    checked_parts,
    cnpj,
    cpf,
    luhn,
    utility_boleto,
    write_halves,
)

EVAL_DIR = Path(__file__).parent

# id, message, the values planted in it (kind, exact substring); none for a clean message.
Message = tuple[str, str, list[tuple[str, str]]]

_FULLWIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789@.-/()abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def half(ident: str) -> str:
    return "a" if int(hashlib.sha1(ident.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "b"


def wide(text: str) -> str:
    """The same characters in their fullwidth forms, as some phone keyboards type them."""
    return text.translate(_FULLWIDTH)


def dots(d: str) -> str:
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"


def cnpj_dots(d: str) -> str:
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def split(d: str, *sizes: int, sep: str = " ") -> str:
    out, at = [], 0
    for size in sizes:
        out.append(d[at : at + size])
        at += size
    if at < len(d):
        out.append(d[at:])
    return sep.join(out)


def wrong_last(d: str) -> str:
    """The same number with its last digit mistyped (the check fails)."""
    return d[:-1] + str((int(d[-1]) + 3) % 10)


def _values(prefix: str, rows: list[tuple[str, str, str]]) -> list[Message]:
    """(kind, value, template with {}) rows, numbered under a prefix."""
    return [(f"p3-{prefix}-{n:02d}", template.replace("{}", value), [(kind, value)])
            for n, (kind, value, template) in enumerate(rows, 1)]


C = [cpf(b) for b in ("472915306", "608134927", "391827560", "725043819", "184639205", "950271463", "263580174",
                      "817396042", "034752198", "549108736", "126904385", "798362051", "350917428", "681245390",
                      "207638915", "915403672", "438260791", "062971834", "743518290", "586029137", "329746108",
                      "874105362", "195382764", "640917253", "512694038", "087153649", "968420517", "271839605",
                      "453076921", "806291374", "139507842", "724860193", "358142967", "917634058", "046289731")]


def cpfs() -> list[Message]:
    c = C
    return _values("cpf", [
        ("cpf", split(c[0], 3, 3, 3), "meu cpf é {} pode conferir"),
        ("cpf", f"{c[1][:4]}.{c[1][4:8]}.{c[1][8:]}", "cpf {} (acho q coloquei os pontos errado kkk)"),
        ("cpf", f"{c[2][:3]}/{c[2][3:6]}/{c[2][6:9]}-{c[2][9:]}", "CPF: {}"),
        ("cpf", f"{c[3][:8]} {c[3][8:]}", "o cpf do titular é {}"),
        ("cpf", dots(c[4]), "cpf:\n{}\nobg"),
        ("cpf", f"{c[5][:3]}.{c[5][3:6]}.\n{c[5][6:9]}-{c[5][9:]}", "segue o cpf do meu pai {} (copiei do pdf)"),
        ("cpf", f"{c[6][:3]}.{c[6][3:6]}.{c[6][6:9]} traço {c[6][9:]}", "meu cpf é {}"),
        ("cpf", f"{c[7][:3]} {c[7][3:6]} {c[7][6:9]} dígito {c[7][9:]}", "cpf {}"),
        ("cpf", wide(dots(c[8])), "cpf {}"),
        ("cpf", wide(c[9]), "meu cpf {} obrigado"),
        ("cpf", c[10], "o link que vcs mandaram abre assim: https://portal.exemplo.com.br/segunda-via?cpf={}&mes=05 e dá erro"),
        ("cpf", dots(c[11]), 'colei o que o sistema da loja gerou: {"nome": "Joana Prado", "cpf": "{}", "plano": "Vetor 500"}'),
        ("cpf", c[12], '{"cliente":{"doc":"{}","tipo":"PF"}}'),
        ("cpf", dots(c[13]), "My CPF (Brazilian tax number) is {}, the account is under my name."),
        ("cpf", c[14], "Tax ID: {}"),
        ("cpf", " ".join(c[15]), "cpf {} desculpa o teclado"),
        ("cpf", f"{c[16][:3]} . {c[16][3:6]} . {c[16][6:9]} - {c[16][9:]}", "CPF {}"),
        ("cpf", dots(c[17]), "Nome | CPF | Cidade\nRita Gomes | {} | Cascavel"),
        ("cpf", dots(c[18]), "(cpf={})"),
        ("cpf", dots(c[19]), "CPF/MF nº {}, residente em Maringá"),
        ("cpf", split(c[20], 3, 3, 3, 2, sep="."), "cpf {} ta certo?"),
        ("cpf", f"{c[21][:3]}{c[21][3:6]}.{c[21][6:9]}-{c[21][9:]}", "meu cpf {}"),
        ("cpf", dots(c[22]), "o cpf q ta no cadastro {} é da minha esposa, o meu é outro"),
        ("cpf", c[23], "{}"),
        ("cpf", dots(c[24]), "{}, esse é o cpf"),
        ("cpf", f"{c[25][:3]}.{c[25][3:6]}.{c[25][6:9]}/{c[25][9:]}", "documento: {}"),
        ("cpf", wrong_last(dots(c[26])), "meu cpf é {} (se não achar é pq digitei errado)"),
        ("cpf", wrong_last(c[27]), "CPF {}"),
        ("cpf", wrong_last(split(c[28], 3, 3, 3, 2)), "cpf do titular: {}"),
        ("cpf", dots(c[29]), "ah e o cpf: {}."),
        ("cpf", f"{c[30][:3]}.{c[30][3:6]}.{c[30][6:9]} - {c[30][9:]}", "CPF {} obrigada"),
        ("cpf", c[31][:9] + "-" + c[31][9:], "vcs precisam do cpf? {} 🙂"),
        ("cpf", split(c[32], 3, 3, 3, 2), "quero cancelar. cpf {}. nao quero mais ligação"),
        ("cpf", dots(c[33]), "CPF\t{}"),
        ("cpf", f"{c[34][:3]}.{c[34][3:6]}.{c[34][6:9]} hífen {c[34][9:]}", "cpf {}"),
    ])


N = [cnpj(b) for b in ("274193850001", "630815290001", "918274360001", "405297180002", "126839470001", "851302640001",
                       "392846170001", "760214580001", "538917260003", "214065390001", "9XK2M7Q10001", "R4T8W2ZP0001",
                       "473910280001", "085326140001", "697140830001", "320587610001", "146295370001", "783460190001")]


def cnpjs() -> list[Message]:
    n = N
    return _values("cnpj", [
        ("cnpj", f"{n[0][:2]}.{n[0][2:5]}.{n[0][5:8]} {n[0][8:12]}-{n[0][12:]}", "cnpj {}"),
        ("cnpj", f"{n[1][:2]} {n[1][2:5]} {n[1][5:8]}/{n[1][8:12]} {n[1][12:]}", "CNPJ da loja {}"),
        ("cnpj", f"{n[2][:8]} {n[2][8:12]} {n[2][12:]}", "faturar pro cnpj {} por favor"),
        ("cnpj", f"{n[3][:2]}.{n[3][2:5]}.{n[3][5:8]}/{n[3][8:12]}/{n[3][12:]}", "cnpj: {}"),
        ("cnpj", wide(cnpj_dots(n[4])), "CNPJ {}"),
        ("cnpj", n[5], '{"razao_social": "Mercadinho Sol Nascente", "cnpj": "{}"}'),
        ("cnpj", n[6], "abre esse link pra ver a nota: https://nfe.exemplo.gov.br/consulta?cnpj={}&serie=1"),
        ("cnpj", cnpj_dots(n[7]), "Company tax ID (CNPJ): {}"),
        ("cnpj", f"{n[8][:2]}.{n[8][2:5]}.{n[8][5:8]}/\n{n[8][8:12]}-{n[8][12:]}", "cnpj da filial {}"),
        ("cnpj", cnpj_dots(n[9]), "CNPJ/MF {}, IE isenta"),
        ("cnpj", cnpj_dots(n[10]), "nosso CNPJ é do formato novo, com letra: {}"),
        ("cnpj", n[11], "cnpj {}"),
        ("cnpj", wrong_last(cnpj_dots(n[12])), "cnpj da empresa {} (confere pq nao sei se ta certo)"),
        ("cnpj", wrong_last(n[13]), "CNPJ: {}"),
        ("cnpj", f"{n[14][:2]}.{n[14][2:5]}.{n[14][5:8]}/{n[14][8:12]} - {n[14][12:]}", "MEI cnpj {}"),
        ("cnpj", cnpj_dots(n[15]), "{} é o cnpj da minha oficina"),
        ("cnpj", f"{n[16][:2]}{n[16][2:5]}{n[16][5:8]}/{n[16][8:]}", "cnpj {}"),
        ("cnpj", cnpj_dots(n[17]), "Razão social: Auto Peças Dois Irmãos LTDA\tCNPJ: {}"),
    ])


def rgs() -> list[Message]:
    return _values("rg", [
        ("rg", "32.456.789-1", "RG 32.456.789-1 SSP/SP"),
        ("rg", "324567912", "rg 324567912"),
        ("rg", "33.412.908 - 7", "rg: 33.412.908 - 7"),
        ("rg", "12.345.679-4", "identidade 12.345.679-4 DETRAN/RJ"),
        ("rg", "02.198.437-6", "RG 02.198.437-6 (Detran RJ)"),
        ("rg", "M-8.765.431", "RG M-8.765.431"),
        ("rg", "MG 8.712.640", "meu rg é MG 8.712.640"),
        ("rg", "MG8712641", "RG MG8712641"),
        ("rg", "8.765.430-2", "RG 8.765.430-2 SESP/PR"),
        ("rg", "87654302", "rg 87654302 pr"),
        ("rg", "1098765432", "RG 1098765432 SSP/RS"),
        ("rg", "7098765431", "carteira de identidade nº 7098765431 (RS)"),
        ("rg", "12.345.678-90", "RG 12.345.678-90 SSP/BA"),
        ("rg", "2.345.671", "RG 2.345.671 SSP/DF"),
        ("rg", "2345672", "identidade 2345672 SSP-DF"),
        ("rg", "7.654.329", "RG 7.654.329 SDS/PE"),
        ("rg", "7654328", "RG nº 7654328 SDS-PE"),
        ("rg", "98765431", "rg 98765431 ssp ce"),
        ("rg", "4.567.892", "rg 4.567.892 SSP/GO"),
        ("rg", "4567893", "RG 4567893 DGPC/GO"),
        ("rg", "4.567.894", "RG: 4.567.894 SSP/SC"),
        ("rg", "1.234.561", "RG 1.234.561 SPTC/ES"),
        ("rg", "5123456", "RG 5123456 PC/PA"),
        ("rg", "23.456.781-0", "identity card (RG) 23.456.781-0"),
        ("rg", "23456782-0", "R.G. nº 23456782-0"),
        ("rg", wide("23.456.783-0"), "rg {}"),
        ("rg", "23.456.784-0", '{"nome":"Paulo Reis","rg":"23.456.784-0","orgao":"SSP"}'),
        ("rg", "23 456 785 0", "RG 23 456 785 0"),
        ("rg", "23.456.786-X", "RG: 23.456.786-X"),
        ("rg", "23.456.787-0", "RG:\n23.456.787-0\norgão emissor: SSP/SP"),
        ("rg", "3.987.654", "registro geral 3.987.654 SSP/MT"),
    ])


def emails() -> list[Message]:
    return _values("email", [
        ("email", "ana.lima+loja@gmail.com", "manda pra ana.lima+loja@gmail.com"),
        ("email", "FINANCEIRO+NF@DOISIRMAOS.COM.BR", "NOTA PARA FINANCEIRO+NF@DOISIRMAOS.COM.BR"),
        ("email", "ti@mail.filial2.metalurgicasul.com.br", "email do nosso TI: ti@mail.filial2.metalurgicasul.com.br"),
        ("email", "joao.m@alunos.utfpr.edu.br", "pode ser no institucional joao.m@alunos.utfpr.edu.br"),
        ("email", "ROBERTA.NUNES@HOTMAIL.COM", "MEU EMAIL É ROBERTA.NUNES@HOTMAIL.COM"),
        ("email", "carol.bastos arroba gmail ponto com", "email: carol.bastos arroba gmail ponto com"),
        ("email", "marcos.v [arroba] hotmail [ponto] com", "marcos.v [arroba] hotmail [ponto] com"),
        ("email", "bia_r (arroba) outlook (ponto) com", "me escreve em bia_r (arroba) outlook (ponto) com"),
        ("email", "carlos.h at gmail dot com", "reach me at carlos.h at gmail dot com"),
        ("email", "lu_mendes at yahoo dot com dot br", "email lu_mendes at yahoo dot com dot br"),
        ("email", "pedro arroba construtoraleste.com.br", "pedro arroba construtoraleste.com.br"),
        ("email", "rafa.t@gmail ponto com", "rafa.t@gmail ponto com"),
        ("email", "tati.moura arroba gmail", "manda na tati.moura arroba gmail mesmo"),
        ("email", "ze.carlos@ gmail.com", "ze.carlos@ gmail.com"),
        ("email", "compras@casadotelhado.com.br", "clica aqui: mailto:compras@casadotelhado.com.br?subject=orcamento"),
        ("email", "dani.f@uol.com.br", 'dados: {"email": "dani.f@uol.com.br", "tel": null}'),
        ("email", "vitor.s@gmail,com", "email vitor.s@gmail,com"),
        ("email", "joão.vitor@gmail.com", "meu email é joão.vitor@gmail.com"),
        ("email", wide("kleber@gmail.com"), "email {}"),
        ("email", "sandra.p@terra.com.br", "email:\nsandra.p@terra.com.br"),
        ("email", "maria-clara_92@bol.com.br", "maria-clara_92@bol.com.br é o da minha filha"),
        ("email", "contato@oficinadozeca.app", "contato@oficinadozeca.app"),
        ("email", "jr.advocacia@escritorio.adv.br", "favor responder para jr.advocacia@escritorio.adv.br"),
        ("email", "Fernanda.De.Souza@Empresa.Com.Br", "e-mail: Fernanda.De.Souza@Empresa.Com.Br"),
        ("email", "tom.r+solar@proton.me", "my email's tom.r+solar@proton.me btw"),
        ("email", "ana.souza @ gmail . com", "ana.souza @ gmail . com"),
        ("email", "g.almeida@prefeitura.londrina.pr.gov.br", "Att., Gustavo Almeida - g.almeida@prefeitura.londrina.pr.gov.br"),
        ("email", "mateus.k@icloud.com", "<mateus.k@icloud.com>"),
        ("email", "paulinha.r@outlook.com", "paulinha.r@outlook.com;"),
        ("email", "sergio_m1975@yahoo.com.br", "sergio_m1975@yahoo.com.br\nsergio"),
        ("email", "lia ARROBA gmail PONTO com", "lia ARROBA gmail PONTO com"),
        ("email", "wes.b{at}gmail{dot}com", "wes.b{at}gmail{dot}com"),
        ("email", "nina@studionina.com", "Visit my site or write to nina@studionina.com!"),
    ])


def phones() -> list[Message]:
    return _values("phone", [
        ("phone", "+55 11 98231-4470", "+55 11 98231-4470"),
        ("phone", "+55 (43) 9 9912-3087", "meu zap +55 (43) 9 9912-3087"),
        ("phone", "+5543999124400", "whats +5543999124400"),
        ("phone", "+55.41.98877.6621", "cel +55.41.98877.6621"),
        ("phone", "+55 41 9 8877 6622", "liga no +55 41 9 8877 6622 qq coisa"),
        ("phone", "+55 (041) 98877-6623", "+55 (041) 98877-6623 é o numero"),
        ("phone", "(0xx43) 99123-4581", "cel (0xx43) 99123-4581"),
        ("phone", "0xx 43 3321 8890", "fone 0xx 43 3321 8890"),
        ("phone", "0 43 99123-4582", "me liga 0 43 99123-4582"),
        ("phone", "043 99123 4583", "043 99123 4583 whats"),
        ("phone", "(043) 3321-8891", "telefone (043) 3321-8891"),
        ("phone", "043991234584", "cel 043991234584"),
        ("phone", "(11) 8765-4310", "meu celular é antigo, ainda tá cadastrado (11) 8765-4310"),
        ("phone", "21 9876 5431", "whats 21 9876 5431"),
        ("phone", "(31) 8812-3345", "zap (31) 8812-3345"),
        ("phone", "8812-3346", "celular 8812-3346"),
        ("phone", "5543998765432", "me chama: https://wa.me/5543998765432"),
        ("phone", "5518997651234", "https://api.whatsapp.com/send?phone=5518997651234&text=oi"),
        ("phone", "+5518997651235", "<a href=\"tel:+5518997651235\">ligar</a>"),
        ("phone", "(18) 99765-1236", '{"nome":"Sueli","telefone":"(18) 99765-1236"}'),
        ("phone", "18997651237", '{"phone": "18997651237"}'),
        ("phone", wide("(18) 99765-1238"), "cel {}"),
        ("phone", wide("18997651239"), "whats {}"),
        ("phone", "1 8 9 9 7 6 5 1 2 4 0", "meu numero é 1 8 9 9 7 6 5 1 2 4 0"),
        ("phone", "18 9 9765 1241", "18 9 9765 1241"),
        ("phone", "18-9-9765-1242", "cel 18-9-9765-1242"),
        ("phone", "18.99765.1243", "tel 18.99765.1243"),
        ("phone", "(18)997651244", "(18)997651244 fala com a Cida"),
        ("phone", "18 997 651 245", "whatsapp 18 997 651 245"),
        ("phone", "99765-1246", "ddd 18 e o numero 99765-1246"),
        ("phone", "(44) 3025-7788", "Fixo: (44) 3025-7788"),
        ("phone", "44 3025 7789", "telefone comercial 44 3025 7789, horário comercial"),
        ("phone", "3025-7790", "fixo 3025-7790"),
        ("phone", "(44)\n99812-0031", "cel (44)\n99812-0031"),
        ("phone", "+55 21 98888-1204", "My cell is +55 21 98888-1204, text me please"),
        ("phone", "+351 912 345 678", "estou em Portugal, +351 912 345 678"),
        ("phone", "+1 (415) 555-0132", "call me at +1 (415) 555-0132"),
        ("phone", "+49 151 23456789", "German mobile: +49 151 23456789"),
        ("phone", "98712-0034", "98712-0034 é o meu whats"),
        ("phone", "9 8712-0035", "cel novo 9 8712-0035"),
        ("phone", "0055 11 98712 0036", "do exterior liga 0055 11 98712 0036"),
        ("phone", "11987120037", "zap 11987120037"),
        ("phone", "(11) 98712–0038", "(11) 98712–0038"),
        ("phone", "11 9 8712 traço 0039", "meu numero é 11 9 8712 traço 0039"),
        ("phone", "(67) 99654-3321", "o tecnico pode ligar pro meu marido no (67) 99654-3321 antes de vir"),
        ("phone", "(82) 3221 0456", "tel. (82) 3221 0456"),
        ("phone", "+55 (92) 99134-5678", "Manaus, +55 (92) 99134-5678"),
        ("phone", "(21) 7812-3456", "nextel antigo (21) 7812-3456, ainda uso"),
    ])


K = [luhn(p) for p in ("453901827364512", "402400718293645", "37282246310005", "371449635398431", "516730482910375",
                       "222100123456789", "636297000457012", "606282004513977", "3056930902590", "601198765432109",
                       "353011133330000", "491772019384756", "550812347698021", "480219375610248", "520043819276450",
                       "650031427789103", "457393026418573", "547261039182746", "412985637201945", "384140928371652",
                       "37660918273645", "455190283746102", "532870164590283")]


def cards() -> list[Message]:
    k = K
    return _values("card", [
        ("card", split(k[0], 4, 4, 4, 4), "cartao {} pode cobrar"),
        ("card", split(k[1], 4, 4, 4, 4, sep="-"), "cartão: {}"),
        ("card", split(k[2], 4, 6, 5), "amex {} exp 09/28"),
        ("card", k[3], "meu Amex é o {}"),
        ("card", split(k[20], 4, 6, 5, sep="-"), "amex {}"),
        ("card", split(k[4], 4, 4, 4, 4, sep="."), "cartão {}"),
        ("card", split(k[5], 4, 4, 4, 4), "master {} val 02/30"),
        ("card", split(k[6], 4, 4, 4, 4), "cartão elo {}"),
        ("card", split(k[7], 4, 4, 4, 4), "hipercard {}"),
        ("card", split(k[8], 4, 6, 4), "Diners Club {}"),
        ("card", split(k[9], 4, 4, 4, 4), "discover card {}"),
        ("card", split(k[10], 4, 4, 4, 4), "JCB {}"),
        ("card", split(k[11], 8, 8), "cartao {}"),
        ("card", wide(split(k[12], 4, 4, 4, 4)), "cartão {}"),
        ("card", k[13], '{"card_number": "{}", "exp": "11/29"}'),
        ("card", f"{k[14][:8]}\n{k[14][8:]}", "numero do cartao:\n{}\nvalidade 07/28"),
        ("card", wrong_last(split(k[15], 4, 4, 4, 4)), "cartão {} acho q digitei errado"),
        ("card", wrong_last(k[16]), "meu cartão de crédito {}"),
        ("card", split(k[17], 4, 4, 4, 4), "cc {} cvv 321"),
        ("card", split(k[18], 4, 4, 4, 4), "Visa ending... no wait, full number {}"),
        ("card", k[19], "hiper {}"),
        ("card", split(k[21], 4, 4, 4, 4, sep=" - "), "cartão {}"),
        ("card", split(k[22], 4, 4, 4, 4, sep="  "), "Mastercard {}"),
    ])


def ceps() -> list[Message]:
    return _values("cep", [
        ("cep", "13560-970", "cep 13560-970"),
        ("cep", "86010200", "CEP 86010200"),
        ("cep", "13.560-971", "CEP: 13.560-971"),
        ("cep", "86010 201", "cep 86010 201"),
        ("cep", "86010-202", "Av. Higienópolis, 1500 - Centro, Londrina - PR, 86010-202"),
        ("cep", "86010203", '{"logradouro":"Rua Sergipe","cep":"86010203"}'),
        ("cep", "86010204", "consultei em https://viacep.com.br/ws/86010204/json/ e apareceu outra rua"),
        ("cep", "86010-205", "ZIP code 86010-205"),
        ("cep", "86010-206", "código postal 86010-206"),
        ("cep", wide("86010-207"), "cep {}"),
        ("cep", "87013-010", "Rua Santos Dumont, 800\nZona 3, Maringá-PR\n87013-010"),
        ("cep", "87.013.011", "cep 87.013.011"),
        ("cep", "87013-012", "(cep 87013-012)"),
        ("cep", "87013013", "cep:87013013."),
        ("cep", "87013 - 014", "CEP 87013 - 014"),
        ("cep", "19010-000", "moro em presidente prudente, cep 19010-000, vcs atendem?"),
        ("cep", "19015-330", "endereço de instalação: Rua Tenente Nicolau Maffei 200, 19015-330"),
        ("cep", "16015-040", "cep 16015-040 araçatuba"),
        ("cep", "85851-010", "Foz do Iguaçu/PR CEP 85851-010 😊"),
        ("cep", "85.851-011", "Cep. 85.851-011"),
        ("cep", "85851012", "meu cep é 85851012 e o numero da casa é 45"),
        ("cep", "85851-013", "postal code 85851-013"),
        ("cep", "85851–014", "cep 85851–014"),
        ("cep", "01001-000", "Praça da Sé, s/n, São Paulo/SP — 01001-000"),
        ("cep", "85 851-015", "cep 85 851-015"),
    ])


def _crc16(payload: str) -> str:
    crc = 0xFFFF
    for byte in payload.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def _emv(*fields: tuple[str, str]) -> str:
    return "".join(f"{tag}{len(value):02d}{value}" for tag, value in fields)


def copia_e_cola(key: str, name: str, city: str, amount: str | None = None, txid: str = "***") -> str:
    """A static Pix BR Code, with its CRC16."""
    fields = [("00", "01"), ("26", _emv(("00", "br.gov.bcb.pix"), ("01", key))), ("52", "0000"), ("53", "986")]
    if amount:
        fields.append(("54", amount))
    fields += [("58", "BR"), ("59", name), ("60", city), ("62", _emv(("05", txid)))]
    body = _emv(*fields) + "6304"
    return body + _crc16(body)


def copia_e_cola_dynamic(location: str, name: str, city: str) -> str:
    body = _emv(("00", "01"), ("01", "12"), ("26", _emv(("00", "br.gov.bcb.pix"), ("25", location))), ("52", "0000"),
                ("53", "986"), ("58", "BR"), ("59", name), ("60", city), ("62", _emv(("05", "***")))) + "6304"
    return body + _crc16(body)


def pix() -> list[Message]:
    p1 = copia_e_cola("6b1f2e9a-3c47-4d8e-9a15-0f7c2b6d4e91", "MARIANA COSTA", "LONDRINA", "150.00")
    p2 = copia_e_cola("rodrigo.pires@gmail.com", "RODRIGO PIRES", "MARINGA")
    p3 = copia_e_cola("+5544998123456", "ELISA NUNES", "CASCAVEL", "89.90", "PED4471")
    p4 = copia_e_cola(cpf("318640275"), "JOSE A SILVA", "SAO PAULO", "1200.00")
    p5 = copia_e_cola_dynamic("qr.pix.bancoexemplo.com.br/v2/cobv/9f3a7c21e4b84d0a8b6e2f15c7d9a304", "FABIO LEAL", "CURITIBA")
    p6 = copia_e_cola("d47c0b92-81ae-4f63-b520-7e3a19c6f0d8", "LOJA DA TETE", "PRES PRUDENTE", "45.50")
    return _values("pix", [
        ("pix_key", "c3e8a1f7-52bd-4e09-8f6a-1d7b3c9e2a54", "chave pix c3e8a1f7-52bd-4e09-8f6a-1d7b3c9e2a54 pra devolver"),
        ("pix_key", "9F4E2B7A-1C6D-4A38-B0E5-7D2C8F1A6B39", "CHAVE PIX 9F4E2B7A-1C6D-4A38-B0E5-7D2C8F1A6B39"),
        ("pix_key", "7a2d9e4f1b6c48a39e5f0d8c7b2a1e64", "minha chave aleatória é 7a2d9e4f1b6c48a39e5f0d8c7b2a1e64"),
        ("pix_key", "7a2d9e4f1b6c48a39e5f0d8c7b2a1e65", "7a2d9e4f1b6c48a39e5f0d8c7b2a1e65 é a chave"),
        ("pix_key", "4e8b1c7d 2f9a 4b36 a5e0 9c3d7f1b2e86", "chave: 4e8b1c7d 2f9a 4b36 a5e0 9c3d7f1b2e86"),
        ("pix_key", "e5a9c2d8-4f17-4b63-8e0a-2c9d5f1b7a43", '{"tipo_chave":"EVP","chave":"e5a9c2d8-4f17-4b63-8e0a-2c9d5f1b7a43"}'),
        ("pix_key", "e5a9c2d8-4f17-4b63-8e0a-2c9d5f1b7a44", "pix:\ne5a9c2d8-4f17-4b63-8e0a-2c9d5f1b7a44"),
        ("pix_key", "b81f6e3a-9d24-4c7b-a0f5-3e8d2c6b9a17", "faz o estorno na b81f6e3a-9d24-4c7b-a0f5-3e8d2c6b9a17 por favor"),
        ("pix_key", "+5544998127700", "chave pix: +5544998127700"),
        ("pix_key", "(44) 99812-7701", "pix é o celular (44) 99812-7701"),
        ("pix_key", "44998127702", "chave pix telefone 44998127702"),
        ("pix_key", "lucas.pix@gmail.com", "minha chave pix é o email lucas.pix@gmail.com"),
        ("pix_key", dots(cpf("520837164")), "pix no cpf " + dots(cpf("520837164"))),
        ("pix_key", cpf("520837167"), "chave pix (cpf): " + cpf("520837167")),
        ("pix_key", cnpj_dots(cnpj("613028470001")), "pix da empresa é o cnpj " + cnpj_dots(cnpj("613028470001"))),
        ("pix_key", p1, "segue o pix copia e cola: {}"),
        ("pix_key", p2, "{}"),
        ("pix_key", p3, "Pix copia e cola\n{}\nvalor 89,90"),
        ("pix_key", p4, "paguei com esse código: {} e não caiu"),
        ("pix_key", p5, "o qr code dinâmico deu esse texto {}"),
        ("pix_key", p6, "copia e cola: {}."),
        ("pix_key", "minha.loja@hotmail.com", "chave pix: minha.loja@hotmail.com"),
        ("pix_key", "f2d8a6c1-0b7e-4935-8c4a-6e1f9d3b2a70", "Refund to my Pix key f2d8a6c1-0b7e-4935-8c4a-6e1f9d3b2a70, please."),
    ])


def _barcode(bank: str, due_factor: str, value: str, free: str) -> str:
    """The 44-digit bar code behind a bank boleto (general check digit at position 5)."""
    from atende_guardrails.eval.build_pii_probe import _mod11_barcode

    body = bank + "9" + due_factor + value + free
    return body[:4] + _mod11_barcode(body) + body[4:]


def boletos() -> list[Message]:
    b1 = bank_boleto("001", "9310", "0000021990", "0000002908751234500001817")
    b2 = bank_boleto("104", "9402", "0000008990", "1470258300040001234567891")
    b3 = bank_boleto("341", "9355", "0000134700", "1570012345601234512340000")
    b4 = bank_boleto("237", "9377", "0000049900", "3380099001234567890120000")
    b5 = bank_boleto("748", "9390", "0000009990", "1120501234567890123450001")
    u1 = utility_boleto("83690000001" + "45670138000" + "30520260512" + "00098765430")
    u2 = utility_boleto("84670000000" + "98760022202" + "60601003401" + "23456789012")
    u3 = utility_boleto("82620000002" + "12340051001" + "10000202605" + "12345678901")

    def fields(d: str) -> list[str]:
        return [f"{d[:5]}.{d[5:10]}", f"{d[10:15]}.{d[15:21]}", f"{d[21:26]}.{d[26:32]}", d[32], d[33:]]

    return _values("boleto", [
        ("boleto", "\n".join(fields(b1)), "linha digitavel:\n{}"),
        ("boleto", "  ".join(fields(b2)), "boleto da caixa {} venceu ontem"),
        ("boleto", " ".join((b3[:5], b3[5:10], b3[10:15], b3[15:21], b3[21:26], b3[26:32], b3[32], b3[33:])), "{}"),
        ("boleto", b4, '{"linha_digitavel":"{}"}'),
        ("boleto", " ".join(fields(b5)[:3]) + "\n" + " ".join(fields(b5)[3:]), "boleto sicredi: {}"),
        ("boleto", f"{b1[:10]} {b1[10:21]} {b1[21:32]} {b1[32]} {b1[33:]}", "segue o boleto {} pra pagar"),
        ("boleto", _barcode("001", "9310", "0000021990", "0000002908751234500001817"), "codigo de barras: {}"),
        ("boleto", _barcode("341", "9355", "0000134700", "1570012345601234512340000"), "the barcode number is {}"),
        ("boleto", " ".join(u1[i : i + 11] + "-" + u1[i + 11] for i in range(0, 48, 12)), "conta de água {}"),
        ("boleto", u2, "conta de luz: {}"),
        ("boleto", "\n".join(u3[i : i + 12] for i in range(0, 48, 12)), "guia da prefeitura\n{}"),
        ("boleto", " ".join(u2[i : i + 11] + " " + u2[i + 11] for i in range(0, 48, 12)), "fatura {}"),
    ])


def mixed() -> list[Message]:
    a, b = cpf("605183742"), cpf("281940673")
    return [
        ("p3-mixed-01", f"Nome: Cláudia Reis\nCPF: {a}\nCel: +55 (44) 9 9871-2203\nE-mail: CLAUDIA.REIS@GMAIL.COM\nCEP: 87020-150",
         [("cpf", a), ("phone", "+55 (44) 9 9871-2203"), ("email", "CLAUDIA.REIS@GMAIL.COM"), ("cep", "87020-150")]),
        ("p3-mixed-02", f'{{"cpf":"{dots(b)}","email":"t.rocha+vf@outlook.com","telefone":"+5543991188220"}}',
         [("cpf", dots(b)), ("email", "t.rocha+vf@outlook.com"), ("phone", "+5543991188220")]),
        ("p3-mixed-03", "rg 9.876.543-2 ssp/pr e cep 86020 310, instalação na sexta",
         [("rg", "9.876.543-2"), ("cep", "86020 310")]),
        ("p3-mixed-04", "protocolo 202605120044871, meu whats é (43) 8811-2244 (numero antigo sem o 9)",
         [("phone", "(43) 8811-2244")]),
        ("p3-mixed-05", "pedido 558210 - entregar no cep 86.020-311 - ligar 43 3322 1100 antes",
         [("cep", "86.020-311"), ("phone", "43 3322 1100")]),
        ("p3-mixed-06", f"meu cpf é {split(cpf('734190582'), 3, 3, 3, 2)} e o email é dudu.m arroba gmail ponto com",
         [("cpf", split(cpf("734190582"), 3, 3, 3, 2)), ("email", "dudu.m arroba gmail ponto com")]),
        ("p3-mixed-07", "Tel.: +55 61 3344-2211 / Cel.: +55 61 99187-6602",
         [("phone", "+55 61 3344-2211"), ("phone", "+55 61 99187-6602")]),
    ]


CLEAN: list[str] = [
    # orders, protocols, tickets, invoices
    "pedido 4471209388 ainda consta em separação",
    "protocolo 20260512-004417 aberto ontem às 18h",
    "meu protocolo: 2026051200443371",
    "nº do protocolo 4412 3309 8871",
    "Order #55021934 was cancelled without notice",
    "fatura de maio nº 000.381.442, valor R$ 129,90",
    "NF-e nº 000.045.118 série 1 emitida em 05/05/2026",
    "nota fiscal 31.874 de 02/05/2026",
    "OS 0045123 agendada pra 14/05 entre 8h e 12h",
    "ticket #887412 sem retorno",
    "código do cliente 4401223 no app",
    "contrato 2026/04471 assinado digitalmente",
    "pedido 12345-678 (site) veio faltando o cabo",
    "nosso número 00012345678 no boleto, já paguei",
    "processo nº 0001234-56.2026.8.16.0014 no juizado",
    "processo SEI 48500.001234/2026-11 na ANEEL",
    # prices, dates, times, percentages, years
    "R$ 24.990,00 à vista ou 10x de R$ 2.699,00",
    "paguei R$ 1.199,90 + R$ 89,90 de instalação",
    "ficou R$ 38.450,00 o sistema de 7,7 kWp",
    "pagamento dia 10/06/2026 às 14:35",
    "a visita ficou pra 2026-06-10T09:30",
    "horário de atendimento 08:00-18:00, sábado 08:00-12:00",
    "desconto de 12,5% no plano anual",
    "economia de 93% na conta desde 2023",
    "contrato de 2024 a 2027, fidelidade 12 meses",
    "de 2019-2025 paguei sempre em dia",
    "vence todo dia 15, desde 03/2024",
    "a promoção vale de 01/05 a 31/05",
    # kWh, energy, solar equipment
    "leitura do medidor: 045871 kWh, anterior 045312 kWh",
    "consumo 559 kWh, injetada 812 kWh, crédito 253 kWh",
    "geração do mês 1.024,6 kWh (meta 980 kWh)",
    "painel JKM550M-72HL4-V, 14 unidades",
    "módulo CS6W-550MS com garantia de 25 anos",
    "inversor GW5048D-ES mostrando falha 28",
    "micro inversor HMS-2000-4T desconectado",
    "número de série do inversor 5048EST235W1234",
    "SN do painel: 2304155678901",
    "serial ZTEGC8A45B21 na ONT",
    "tensão 227 V, frequência 60,02 Hz, corrente 21,4 A",
    "string 2: 486 V / 11,2 A",
    "potência instalada 11,55 kWp em 21 módulos",
    "instalação nº 0012345678 na Copel",
    "UC 83456712 da Copel, leitura em 12/05",
    "medidor nº 12345678 trocado pela concessionária",
    # internet, router, plan
    "plano 500 mega por R$ 99,90, upload 250 mega",
    "contratei 1 giga e o teste deu 312 Mbps",
    "ping 18 ms, jitter 3 ms, download 487,3 Mbps",
    "roteador VF-AX1800 no canal 36, 5 GHz",
    "IP 192.168.15.1 e máscara 255.255.255.0",
    "MAC 3C:84:6A:12:9B:F0 no roteador",
    "sinal da fibra -22,87 dBm",
    "firmware V3.0.10P1N7 no VF-MESH6",
    "senha do wifi tem 12 caracteres, rede VETOR_5G_0471",
    # measures, counts, addresses without personal data
    "telhado de 8,40 m x 5,20 m, 32 graus de inclinação",
    "cabo de 25 m, disjuntor de 40 A",
    "distância de 1.250 km até Curitiba",
    "a cidade tem 86.000 habitantes e 12.500 ligações",
    "estimativa de geração entre 12.000-14.500 kWh por ano",
    "a rede de vcs cobre 87.013 casas segundo o site",
    "estoque: 2.400 painéis, 180 inversores",
    "peso 27,5 kg por módulo, 2278 x 1134 x 35 mm",
    "apto 1304, bloco C, vaga 27",
    "rodovia PR-445, km 12",
    "o prédio tem 18 andares, 72 apartamentos",
    # business lines, agencies, card last digits
    "SAC 0800 642 1100 não atende",
    "central de vendas 4003-2211",
    "agência 0471-2, conta 45123-0",
    "cartão com final 7732 foi recusado",
    # English
    "Order 7789012345 shipped on 2026-05-09 at 16:42",
    "My bill went from R$ 412.30 to R$ 498.10 (+20.8%)",
    "The 10.2 kWp system produced 1,320 kWh in April",
    "Invoice INV-2026-004471, due 06/15/2026",
    "Serial number 2209-4471-8830 on the inverter label",
    "Speed test: 487 Mbps down / 246 Mbps up",
    "Ticket 4410-2233 was closed without a fix",
    # codes and ids
    "cupom VETOR20 não aplicou",
    "código de rastreio QB123456789BR",
    "id da transação pix E18236120202605121430s0012345678",
    "chave de acesso 4126 0512 3456 7800 0195 5500 1000 0451 1812 3456 7890",
    "versão do app 4.12.0 (build 40120)",
    "CFOP 5.102 e NCM 8541.43.00 na nota",
    "CNAE 4321-5/00 instalação elétrica",
]


def messages() -> list[Message]:
    return (cpfs() + cnpjs() + rgs() + emails() + phones() + cards() + ceps() + pix() + boletos() + mixed()
            + [(f"p3-clean-{n:02d}", text, []) for n, text in enumerate(CLEAN, 1)])


def build() -> dict[str, list[Message]]:
    return checked_parts(messages(), lambda ident: "tune" if half(ident) == "a" else "holdout")


def main() -> int:
    write_halves("3", "Third", build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
