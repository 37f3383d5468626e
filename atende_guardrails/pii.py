"""Personal data in a reply, with a Brazilian pack: CPF and CNPJ (including the
alphanumeric CNPJ of 2026) with their check digits, RG, phone numbers in the common
Brazilian and international formats, e-mail, payment cards with the Luhn check,
CEP, PIX random keys (and whatever follows "chave PIX"), and boleto digitable
lines (bank and utility) with their field check digits.

Values are found formatted, bare or split by spaces; e-mails also spelled out
("fulano arroba gmail ponto com"), RGs also by the body that issued them ("SSP/DF").

Detectors run longest first and a span is claimed once, so a boleto line is not
also reported as three phone numbers. Business numbers (0800, 0300, 300x, 400x) are
not personal data and are left alone (with an area code before them too), and so are numbers
a word names as something else (an order, a protocol, an installation, a contract, a meter, an
IMEI, a version: "protocolo 4133224455" though it could be dialled), ranges ("2500-3000"),
years ("2019-2024"), quantities with their unit ("4500-5200 kWh") and the groups of a longer run (an
invoice's access key is no card).
Separators customers mistype (a comma for a dot, an en dash or an underscore for a hyphen) are
read as separators; the check digits decide.

Where a word names the value ("cpf", "cnpj", "cartão", "whatsapp", "meu número", "cep"), its digits
may be grouped any way, broken by a line break or by a dictated word ("123.456.789 traço 09"), and
a CPF, CNPJ or card whose check digits fail is still redacted: a customer's mistyped number is
still theirs (not the numbers people write as an example, "123.456.789-00"). A CPF, CNPJ or card given in
two pieces after its word ("o cpf é 284.916 ... e o final 037-78") is redacted piece by piece when the pieces'
digits together pass the check. Fullwidth digits and letters, "fancy font" and Arabic/Devanagari digits are read
as ASCII; en and em dashes, middle dots and other hyphens between digits as the number's separators; a link's
%20, %3A, %2C and %40 as what they encode, and an underscore in a form's or JSON's key ("rg_titular") as a
space, all without changing the text's length. A Pix "copia e cola" code is redacted whole. A value wrapped by a line break
mid-number (an RG after or before its dot, a phone after its hyphen, a CEP before its hyphen, a boleto line anywhere)
or an e-mail's name wrapped after one of its dots or before its @ is redacted whole, and so are a random Pix key
glued to "pix" and a phone glued to its word ("zap31999887766"); a random key wrapped anywhere where the text speaks
of Pix or a key; a CEP bare at the end of an address after its state when its digits are that state's ("aracaju se
49010390"), or before its state or city ("65075441 - Sao Luis"), or after a location pin; a masked card or CPF
("**** 1234") is no value. A bare number after "pedido", "protocolo", "nota" is that number, but after "pra nota"
("Dados pra nota:\n<cnpj>") it is what the invoice is issued to.

An RG is what a word names as one ("rg eh ...", "identidade", "RG/SP:", "SSP/SP 12345678-9", RNE/RNM), 6 to
13 digits in any state's shape. Other documents are redacted where a word names them: the CNH (cnh), the
título de eleitor (voter_id), the PIS/PASEP/NIS/NIT (pis; also in its own dotted shape with its check
digit), a passport (passport) and a full date of birth ("nasc.", "DOB", "born on": birth_date). Phones from
abroad: "+", "00" where a word says phone, "(415) 555-0139", and US/UK shapes a phone word names. Street
addresses are not covered (a business's address in a reply is its published answer), and neither is the
business's own CNPJ, e-mail, phone, a store's CEP or its Pix key where the reply's passages publish it."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from atende_guardrails.base import Finding, GuardContext, apply_redactions

_NOT_DIGIT = re.compile(r"\D")

# Fullwidth forms (the digits, letters, "@" and dots some phone keyboards type) as ASCII, other hyphens as "-",
# and invisible characters as a space, one character for one, so a match in the folded text is the
# same span of the original and the redaction removes what the customer typed.
_SAME_LENGTH_FOLD: dict[int, int] = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
    0x3000: 0x20, 0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D, 0xFE63: 0x2D,
    0x2043: 0x2D, 0x02D7: 0x2D, 0x058A: 0x2D,
    **{code: 0x20 for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)},
}


# Digits of other scripts and of "fancy fonts" (the mathematical bold, double-struck, sans-serif and monospace
# digits that name generators and some keyboards type; Arabic-Indic and Devanagari) as ASCII digits: the check
# digits read them the same, and the patterns' [0-9] and \d must agree.
_SAME_LENGTH_FOLD.update({0x1D7CE + index: 0x30 + index % 10 for index in range(50)})
for _zero in (0x0660, 0x06F0, 0x0966):
    _SAME_LENGTH_FOLD.update({_zero + index: 0x30 + index for index in range(10)})

# (The mathematical digits lie beyond the first plane: a class listing them one by one is slow to scan, a range
# is not.)
_TO_FOLD = re.compile("[" + "".join(chr(code) for code in sorted(_SAME_LENGTH_FOLD) if code < 0x10000) + "]")
_FANCY_DIGIT = re.compile("[\U0001d7ce-\U0001d7ff]")
# An en dash, em dash or horizontal bar between two digits (a space allowed on either side) is a hyphen typed on
# a phone or pasted from a PDF (a phone's or a date's groups); elsewhere it is punctuation and stays.
_DASHES = ("\u2013", "\u2014", "\u2015", "\ufe58", "\u2e3a")
_DIGIT_DASH = re.compile(r"(?<=\d)([^\S\n]?)[\u2013\u2014\u2015\ufe58\u2e3a](?=[^\S\n]?\d)")
# A middle dot or a leader dot between two digits ("529·982·247") is the dot of a number's groups.
_DOTS = ("\u00b7", "\u2024", "\u2027", "\ufe52", "\u30fb")
_DIGIT_DOT = re.compile(r"(?<=\d)[\u00b7\u2024\u2027\ufe52\u30fb](?=\d)")
# A link's encoded space, colon and comma ("?text=meu%20cpf%20529...", "cpf%3A529...") as spaces and the character:
# the same length, and the digits after them are no longer glued to the "20". An encoded "@" ("?email=ana%40gmail.com")
# as "%4@": the address is found, and its span is the encoded address the customer pasted.
_ENCODED = re.compile(r"%(?:20|3[Aa]|2[Cc]|40)")
_DECODED = {"20": "   ", "3A": "  :", "3a": "  :", "2C": "  ,", "2c": "  ,", "40": "%4@"}
# An underscore inside a form's or JSON's key ("rg_titular": ..., "data_nascimento=", "date_of_birth") as a space:
# the words that name a value are whole words again. Not inside an e-mail's name ("ana_b@...", "ana_b=x@...").
_KEY_UNDERSCORE = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d][\w]{0,30}[\"']?[^\S\n]{0,2}[:=])(?![^\s\"'@]{0,64}@)")


_DIGIT_UNDERSCORE = re.compile(r"(?<![\w@.])\d+(?:_\d+)+(?![\w@])")


# A capital O typed for a zero inside a number ("584.166.O6O-8O", "(85)977O5-11O9", "4173 2773 5744 46OO"): in a
# run of digit groups with at least four digits, not inside a word ("CO2"), each group that holds a digit reads its
# Os as zeros (the same length); a lone "O" beside a number is the article ("pedido 1234 O cliente").
_O_RUN = re.compile(r"(?<![^\W\d_])[\dO.\-/()]+(?: [\dO.\-/()]+)*(?![^\W\d_])")


def _zeros_for_os(run: re.Match[str]) -> str:
    text = run.group()
    if "O" not in text or sum(c.isdigit() for c in text) < 4:
        return text
    return " ".join(group.replace("O", "0") if any(c.isdigit() for c in group) else group for group in text.split(" "))


def _fold_ascii(text: str) -> str:
    if "O" in text:
        text = _O_RUN.sub(_zeros_for_os, text)
    if "%" in text:
        text = _ENCODED.sub(lambda match: _DECODED[match.group()[1:]], text)
    if "_" in text:
        text = _KEY_UNDERSCORE.sub(" ", text)
        # "47_99123_4455": a run of digits grouped by underscores, as by spaces (not a key's, not an e-mail's name)
        text = _DIGIT_UNDERSCORE.sub(lambda run: run.group().replace("_", " "), text)
    return text


def fold_same_length(text: str) -> str:
    if not text.isascii():
        if _TO_FOLD.search(text) is not None or _FANCY_DIGIT.search(text) is not None:
            text = text.translate(_SAME_LENGTH_FOLD)
        if any(dash in text for dash in _DASHES):
            text = _DIGIT_DASH.sub(r"\1-", text)
        if any(dot in text for dot in _DOTS):
            text = _DIGIT_DOT.sub(".", text)
    return _fold_ascii(text)


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


# Where a number a word names begins: after the word, or on the next line after a form's label
# ("cartão de crédito:\n5238 ..."); never inside a run of digits.
_NOT_MID = r"(?:\n[^\S\n]{0,4})?(?<!\d)(?<!\d[.,/-])"
# Between the digits of a number the text names: any one separator, a line break after it, or a
# dictated word ("traço", "dígito", "hífen"). The alternatives never match the same text, so a
# run that fails is not retried two ways per gap.
_SAID = r"(?:tra[çc]o|tracinho|h[íi]fen|d[íi]gito|digito|dv|barra|menos)"
_NAMED_SEP = (rf"(?:[^\S\n]{{0,2}}[.,\-/_\u2013][^\S\n]{{0,2}}\n?|[^\S\n]{{1,2}}|\n|[^\S\n]+{_SAID}[^\S\n]+)?")


def cpf_valid(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 11 or digits == digits[0] * 11:
        return False
    numbers = [int(d) for d in digits]
    first = sum(n * w for n, w in zip(numbers[:9], range(10, 1, -1), strict=True)) * 10 % 11 % 10
    second = sum(n * w for n, w in zip(numbers[:10], range(11, 1, -1), strict=True)) * 10 % 11 % 10
    return numbers[9] == first and numbers[10] == second


_CNPJ_W1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_CNPJ_W2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)


def cnpj_valid(value: str) -> bool:
    """Numeric and alphanumeric CNPJ: character value is its code minus 48."""
    chars = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    if len(chars) != 14 or not chars[12:].isdigit() or chars == chars[0] * 14:
        return False
    values = [ord(c) - 48 for c in chars]

    def check(weights: tuple[int, ...], upto: int) -> int:
        remainder = sum(v * w for v, w in zip(values[:upto], weights, strict=True)) % 11
        return 0 if remainder < 2 else 11 - remainder

    return values[12] == check(_CNPJ_W1, 12) and values[13] == check(_CNPJ_W2, 13)


def luhn_valid(value: str) -> bool:
    digits = _digits(value)
    if not 13 <= len(digits) <= 19 or digits == digits[0] * len(digits):
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def _mod10(digits: str) -> int:
    total = 0
    for index, char in enumerate(reversed(digits)):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _mod11_collection(digits: str) -> int:
    total = sum(int(c) * (2 + i % 8) for i, c in enumerate(reversed(digits)))
    remainder = total % 11
    return 0 if remainder in (0, 1) else 11 - remainder


def boleto_valid(value: str) -> bool:
    digits = _digits(value)
    if len(digits) == 47:
        fields = ((digits[0:9], digits[9]), (digits[10:20], digits[20]), (digits[21:31], digits[31]))
        return all(_mod10(body) == int(dv) for body, dv in fields)
    if len(digits) == 48 and digits[0] == "8":
        check = _mod10 if digits[2] in "67" else _mod11_collection
        blocks = [digits[i : i + 12] for i in range(0, 48, 12)]
        return all(check(block[:11]) == int(block[11]) for block in blocks)
    return False


# Area codes (DDD) in use in Brazil.
DDD = frozenset(
    [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48,
     49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89,
     91, 92, 93, 94, 95, 96, 97, 98, 99]
)


_PHONE_CONTEXT = re.compile(r"(?i)(?:tel|telefone|fone|celular|cel|whats|whatsapp|zap|ligue|ligar|contato|phone|call|mobile"
                            r"|ramal)")
# Words that name a number as something other than personal data. "protocolo de atendimento",
# "cód. do produto", "nº da instalação": one "de/do/da" word may follow, unless it names a contact
# or a document ("nº do celular", "código do cpf").
_CONTACT_OR_DOCUMENT = (r"(?:tel\w*|fone|celular|cel|whats\w*|wpp|zap|contato|phone|mobile|cpf|cnpj|rg|identidade"
                        r"|cart[ãa]o|card|titular|respons[áa]vel|pix|e-?mail|cep|endere[çc]o|documento|document|passaporte"
                        r"|passport)\b")
_ID_CONTEXT = re.compile(r"(?i)(?:#|\b(?:pedido|order|protocolo|protocol|nota|nf|nfe|ticket|chamado|os|ref|invoice|fatura"
                         r"|n[º°]|no\.|nr|num|c[óo]d(?:igo|\.)?|code|sn|s/n|n/s|id|rastreio|tracking|nf-e|chave de acesso"
                         r"|access key|ean|gtin|instala[çc][ãa]o|installation|uc|unidade consumidora|contrato|contract"
                         r"|matr[íi]cula|localizador|transa[çc][ãa]o|transaction|imei|produto|product|item|nosso n[úu]mero"
                         r"|medidor|meter|"
                         r"s[ée]rie|serial|lote|batch|modelo|model|vers[ãa]o|version|release|build|firmware|part|pe[çc]a|sku))"
                         rf"(?:\s+(?:d[aeo]s?|of(?:\s+the)?)\s+(?!{_CONTACT_OR_DOCUMENT})[^\W\d]+)?"
                         r"(?:\s+(?:[ée]|eh|is|was|era)(?:\s+(?:o|a|the))?)?\W{0,4}$")
_YEARISH = re.compile(r"^(?:19|20)\d\d[\s.\-\u2013]\d{4}$")
_IN_DIGIT_RUN = re.compile(r"(?<!\d)\d{4}[^\S\n]$")


# 3003, 3004 and 400x numbers, dialled without area code, are one business line for the whole
# country (the "capitais" numbers), not a person's.
_NATIONAL = re.compile(r"^(?:300[34]|400\d)\d{4}$")


# "de 2500-3000", "km 2345-2400", "páginas 3301-3350": a range, not a phone.
_RANGE_BEFORE = re.compile(r"(?i)(?:\b(?:entre|de|from|between|faixa|range|km|p[áa]g(?:ina)?s?|pp?|pages?)\.?|[$€£])"
                           r"[^\S\n]*$")


# A range of quantities with its unit after it ("consumo 4500-5200 kWh", "5000-8000 W") is no phone.
_NOT_QUANTITY = (r"(?![^\S\n]?(?:(?i:kwh|kwp|kw|wp|mwh|wh|kva|va|mah|ah|km|kg|watts?|volts?|reais|unidades|placas"
                 r"|pain[ée]is|m[²2]|metros|litros)|W|V)(?![^\W\d]))")


def _local_number_valid(raw: str, digits: str, before: str) -> bool:
    """A number without area code only counts when written like one (9 1234-5678, 3456-7890); split
    by a space only ("4500 3200") or after a range word it needs a phone word before it."""
    written = raw.strip()
    if re.search(r"\d{4}[\s.\-\u2013]\d{4}$", written) is None:
        return False
    old_mobile = len(digits) == 8 and digits[0] in "6789" and _PHONE_WORD.search(before[-30:]) is not None
    if not ((len(digits) == 8 and digits[0] in "2345") or (len(digits) == 9 and digits[0] == "9") or old_mobile):
        return False
    hyphenated = re.search(r"[-.\u2013]", written) is not None
    # a mobile's leading 9 set apart ("9 8765 4321") is written like nothing else
    mobile = len(digits) == 9 and re.match(r"9[\s.-]", written) is not None
    if _IN_DIGIT_RUN.search(before) and not (hyphenated or mobile):
        return False  # two groups of a longer run ("3525 0312 3456 7800": an access key, a barcode)
    if _ID_CONTEXT.search(before):
        return False
    if _PHONE_CONTEXT.search(before):
        return True
    return (hyphenated or mobile) and not _YEARISH.match(written) and not _RANGE_BEFORE.search(before)


_NUMBER_THEN = re.compile(r"\d")
# A word that says phone, as a whole word ("cancelei" holds no "cel").
_PHONE_WORD = re.compile(r"(?i)\b(?:tel|telefone|fone|celular|cel|whats\w*|wpp|zap|zapzap|ligue|ligar|liga|contato|phone"
                         r"|call|mobile)\b")


# Phone words of other languages, dialling, and a landline ("o fixo de casa").
_DIAL_WORD = re.compile(r"(?i)\b(?:cell|cellphone|telem[óo]vel|m[óo]vil|handy|portable|dial|disque|discar|disca|fixo|landline)\b")


def br_phone_valid(raw: str, before: str = "") -> bool:
    # "protocolo 4133224455", "UC 5134567890", "protocolo nº 4399918-2736": that number, though it could be
    # dialled; not so "telefone do pedido 11987654321" (a phone word since the last number before it), nor a
    # number whose area code or country code is set apart ("(43) ...", "+55 ..."), written as only a phone is.
    # (The shape first: it is cheap, and most candidates of a text full of digit groups fail it.)
    if not _dialled_valid(raw, before):
        return False
    return (raw.startswith(("(", "+")) or _ID_CONTEXT.search(before) is None
            or _PHONE_WORD.search(_NUMBER_THEN.split(before[-40:])[-1]) is not None)


def _dialled_valid(raw: str, before: str, named: bool = False) -> bool:
    """The digits as dialled: country code, trunk 0, area code, and a number of the right shape."""
    digits = _digits(raw)
    if digits.startswith("0055"):
        digits = digits[2:]  # dialled from abroad: 00 55 11 9...
    explicit_country = raw.lstrip().startswith(("+55", "(+55", "(55")) or (len(digits) >= 12 and digits.startswith("55"))
    if explicit_country and digits.startswith("55"):
        digits = digits[2:]
    if digits.startswith("0") and len(digits) in (11, 12):
        digits = digits[1:]  # trunk prefix: 011 9...
    if _NATIONAL.match(digits):
        return False
    if len(digits) in (10, 11):
        ddd, local = int(digits[:2]), digits[2:]
        if ddd not in DDD or _NATIONAL.match(local):
            return False  # "(11) 4004-1234": the business's national line with an area code before it
        if len(local) == 8 and local[0] in "6789":
            # a mobile written the old way, without its leading 9: only where the area code is set
            # apart or a phone word says so ("zap (31) 8812-3345")
            return named or "(" in raw or explicit_country or _PHONE_WORD.search(before[-30:]) is not None
        return (len(local) == 8 and local[0] in "2345") or (len(local) == 9 and local[0] == "9")
    if len(digits) in (8, 9) and not explicit_country:
        return _local_number_valid(raw, digits, before)
    return False


# A run of digits and separators long enough to hold any supported number (a phone
# without area code has 8 digits): texts without one skip the numeric detectors.
_DIGIT_GROUP = re.compile(r"\d[\d\s.,\-\u2013/()]{5,}\d|[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/|[0-9A-Z]{12}\d\d")


_PHONE_NAME = (r"tel|telefone|fone|celular|cel|whats\w*|wpp|zap|zapzap|liga|ligue|ligar|contato|phone|mobile|cell"
               r"|telem[óo]vel|m[óo]vil|handy|portable"
               r"|meu\s+n[úu]mero(?!\s+d[eoa]s?\s)|my\s+number|n[úu]mero\s+d[oa]\s+(?:celular|telefone|whats\w*|zap)")
# A phone's digits are not split by a slash or a comma (a date, a price).
_PHONE_SEP = (rf"(?:[^\S\n]{{0,2}}[.\-\u2013][^\S\n]{{0,2}}\n?|[^\S\n]{{1,2}}|\n|[^\S\n]+{_SAID}[^\S\n]+)?")
_DATE = re.compile(r"^\d{1,2}[.\-\s]\d{1,2}[.\-\s](?:19|20)?\d\d$")


def _may_name_phone(text: str) -> bool:
    return any(word in text for word in ("tel", "fone", "cel", "what", "wpp", "zap", "lig", "contato", "phone", "mobile",
                                         "mero", "number", "vil", "handy", "portable"))


def _named_phone(value: str, before: str) -> bool:
    """Digits a phone word introduces, read without their separators: an area code and a number, a
    country code, a trunk 0, or a number alone (8 digits, 9 for a mobile)."""
    digits = _digits(value)
    # only the words between the phone word and the number can name it as something else
    near = before[-_NEAR:]
    if _DATE.match(value) or _ID_CONTEXT.search(near) is not None:
        return False
    if len(digits) == 8:
        return digits[0] in "23456789" and _NATIONAL.match(digits) is None
    if len(digits) == 9:
        return digits[0] == "9"
    return _dialled_valid(("+" if value.startswith("+") else "") + digits, near, named=True)


# How far before a number its naming words are looked for, in the detectors that start at such a
# word (it keeps a text full of them cheap to scan).
_NEAR = 48


def _ignore_context(valid: Callable[[str], bool]) -> Callable[[str, str], bool]:
    return lambda value, before: valid(value)


def _unless_bare_id(valid: Callable[[str], bool]) -> Callable[[str, str], bool]:
    """A bare run of digits right after "pedido", "protocolo", "order #" is that number, even when
    its digits happen to pass a check (one random 11-digit number in a hundred is a valid CPF)."""
    return lambda value, before: valid(value) and not (value.isdigit() and _ID_CONTEXT.search(before) is not None
                                                       and _DOCUMENT_WORD.search(before[-30:]) is None
                                                       and _FOR_INVOICE.search(before) is None)


# "Dados pra nota:\n<cnpj>", "for the invoice: <cnpj>": what the invoice is to be issued to, not its number.
_FOR_INVOICE = re.compile(r"(?i)\b(?:pra|para|pro|for)\s+(?:a\s+|o\s+|the\s+|an\s+)?(?:nota|nf|nfe|nf-e|invoice)"
                          r"(?:\s+fiscal)?\W{0,4}$")


# "o CPF do pedido: 52998224725" names the document after all.
_DOCUMENT_WORD = re.compile(r"(?i)\b(?:cpf|cnpj|cart[ãa]o|card|documento|document|tax\s?id|taxpayer)\b")


# Between a document's word and its digits: no digit, except a count of times said in passing ("ja mandei o cpf
# 3x!!! 776...", "o cnpj pela 2a vez: ...").
_NAMED_GAP = r"(?:[^\d\n]|(?<![\w])\d{1,2}\s?(?:x|vezes|times|a\s?vez|ª\s?vez)(?![\w]))"


# The words that name a CPF: "cpf", "c.p.f.", the English "tax ID" / "taxpayer number".
_CPF_WORD = r"(?:cpf|c\.p\.f\.?|tax\s?(?:payer\s)?(?:id|number|n[º°o])|taxpayer)"


def _named_document(valid: Callable[[str], bool], length: int) -> Callable[[str, str], bool]:
    """Where the text names the document ("meu cpf é ..."), a number of its length is the customer's
    even when a digit was mistyped and the check fails: the other digits still identify them. Not
    when a word right before names it as something else ("cpf ok, protocolo 20260512004")."""
    def check(value: str, before: str) -> bool:
        if valid(value):
            return True
        digits = _digits(value)
        return (len(digits) == length and digits != digits[0] * length and not _EXAMPLE_RUN.match(digits)
                and _ID_CONTEXT.search(before[-_NEAR:]) is None)
    return check


# "123.456.789-00", "987.654.321-xx": the numbers people write as an example of the format.
_EXAMPLE_RUN = re.compile(r"^(?:123456789|987654321|012345678|0123456789012)")


# Between a random key's groups: a hyphen (spaced, or with the line wrapped after it) or a space.
_KEY_SEP = r"(?:[^\S\n]?-[^\S\n]?\n?|[^\S\n])"


def _key_like(value: str) -> bool:
    """A random key has digits and letters both; split by spaces, digits alone are some other run."""
    return any(c.isdigit() for c in value) and ("-" in value or any(c.isalpha() for c in value))


_PIX_WORD = re.compile(r"(?i)\b(?:pix|chave|key|aleat[óo]ria|random|estorno|reembolso|refund|devol\w*)\b")


_UUID4_BARE = re.compile(r"[0-9a-fA-F]{12}4[0-9a-fA-F]{3}[89abAB][0-9a-fA-F]{15}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|" + _UUID4_BARE.pattern)


def _random_key(value: str, before: str) -> bool:
    """A UUID a word names as an order's, a request's or a transaction's ("id: 8f14...-... do pedido", "request id
    ...") is that identifier, unless a word near says Pix or key."""
    if not _key_like(value):
        return False
    return _ID_CONTEXT.search(before) is None or _PIX_WORD.search(before[-_NEAR:]) is not None


# A path segment of a link, digits with the separators of a document: after "/", up to the next
# "/", "?", "#", "&" or the end of the link.
_URL_SEGMENT = r"(?<=[\w]/)\d[\d.\-]{6,17}\d(?=[/?#&]|\s|$)"


def _has_link(text: str) -> bool:
    return "://" in text or "www." in text or ".com" in text or ".br/" in text


# A number given in two pieces across a sentence ("o cpf é 284.916 ... e o final 037-78", "cartao 5401 9382 ... o
# resto é 7465 0196"): after the word that names it, a first piece, up to 40 characters without a digit, and the
# rest. Each piece's digits are split by one separator at most, so a piece ends where its digits end.
_PIECE_SEP = r"(?:[.\-][^\S\n]?|[^\S\n])?"
_PIECES = (rf"{_NOT_MID}(\d(?:{_PIECE_SEP}\d){{2,11}})([^\d]{{2,40}}?)(\d(?:{_PIECE_SEP}\d){{1,11}})"
           r"(?![\w/]|[.,\-]\d|[^\S\n]\d)")
# Words in the gap that make the second piece some other number ("cpf 284.916 e o pedido 03778").
_OTHER_NUMBER_WORD = re.compile(r"(?i)\b(?:tel\w*|fone|cel\w*|whats\w*|wpp|zap|phone|rg|identidade|cep|cnh|pis|nis"
                                r"|cvv|cvc|venc\w*|validade|expir\w*|valor|parcela\w*|ag[êe]ncia|conta)\b|[$€£%]")


def _pieces_valid(valid: Callable[[str], bool]) -> Callable[[str, str], bool]:
    """Both pieces together pass the document's check digits (pieces that fail are two other numbers), and no
    word between them names the second as something else."""
    def check(pieces: str, between: str) -> bool:
        return valid(pieces) and _ID_CONTEXT.search(between) is None and _OTHER_NUMBER_WORD.search(between) is None
    return check


@dataclass(frozen=True)
class Detector:
    kind: str
    pattern: re.Pattern[str]
    # Called with the candidate and up to 60 characters before it.
    valid: Callable[[str, str], bool] | None = None
    group: int = 0
    # A cheap test the text must pass before the pattern runs at all.
    needs: Callable[[str], bool] = lambda text: True
    # Runs on texts with a digit but without a run of seven digits and separators (a six-digit RG, a date in
    # words).
    short: bool = False
    # A second group redacted with the first (a number given in two pieces); `valid` then reads both pieces,
    # joined by a space, and the text between them.
    also: int = 0
    # `valid` reads the 60 characters before the candidate, a NUL, and the 40 after it (a CEP followed by its city).
    after: bool = False
    # Runs on texts without a digit at all (a number dictated in words).
    wordy: bool = False


_SEP = r"[\s.\-]?"

# An e-mail spelled out: "fulano arroba gmail ponto com", "ana (at) proton [dot] me", "joao @ gmail.com".
_SP = r"[^\S\n]"
_AT_WORD = rf"(?:{_SP}*[\[({{<]{_SP}*(?:at|arroba){_SP}*[\])}}>]{_SP}*|{_SP}+arroba{_SP}+)"
_AT = rf"(?:{_SP}?@{_SP}?|{_AT_WORD}|{_SP}+at{_SP}+)"
_DOT = rf"(?:{_SP}?\.(?=\w)|{_SP}\.{_SP}|{_SP}*[\[({{<]{_SP}*(?:dot|ponto){_SP}*[\])}}>]{_SP}*|{_SP}+(?:dot|ponto){_SP}+)"
_MAIL_PROVIDERS = r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|msn|uol|bol|terra|ig|proton|protonmail)"
_SPELLED_AT = re.compile(r"(?i)@|arroba|[\[({<]\s*at\s*[\])}>]")
_SPELLED_DOT = re.compile(r"(?i)\s(?:dot|ponto)\s|[\[({<]\s*(?:dot|ponto)\s*[\])}>]")
_EMAIL_WORD = re.compile(r"(?i)\b(?:e-?mail|email address|endere[çc]o de e-?mail)\b")
_AT_DOMAIN = re.compile(r" at [\w-]+ ?\.\w")


def _may_spell_email(text: str) -> bool:
    """Cheap: most English replies say "at" with no address after it."""
    if "@" in text or "arroba" in text or "[at]" in text or "(at)" in text or "{at}" in text:
        return True
    return " at " in text and (" dot " in text or "(dot)" in text or "[dot]" in text or _AT_DOMAIN.search(text) is not None)


def _spelled_email(value: str, before: str) -> bool:
    """A bare English "at" ("look at gmail.com") is an e-mail only when the rest is spelled out too
    ("ana at gmail dot com"), the text says e-mail, or the name before it could not be a word ("ana.m")."""
    if _SPELLED_AT.search(value) or _SPELLED_DOT.search(value) or _EMAIL_WORD.search(before[-24:]):
        return True
    return not value.split()[0].isalpha()


_UF = r"(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)"
# Bodies that issue identity cards (SSP, SDS, IFP, Detran...), as written after the number: "SSP/SP".
_RG_ISSUER = (r"(?:ssp|sds|sesp|sejusp|sspds|sesdec|ssp[-/]?pc|pc(?=[-/ ]?[a-z]{2}\b)|pcmg|pcgo|ifp|detran|dgpc|sptc|igp"
              rf"|iirgd|sjs|sjtc|seds|itep|politec|iitb|dic)(?:[-/ ]?{_UF})?")
_RG_ISSUER_WORD = re.compile(rf"\b{_RG_ISSUER}\b")


def _has_rg_issuer(text: str) -> bool:
    return _RG_ISSUER_WORD.search(text) is not None


_AFTER_DIGIT_GROUP = re.compile(r"\d{4}[ -]$")
_WORD_OR_SIGN = re.compile(r"[^\W\d_]|#")
_CARD_WORD = re.compile(r"(?i)\b(?:cart[ãa]o|card|cr[ée]dito|d[ée]bito|credit|debit|visa|master(?:card)?|amex|elo|diners"
                        r"|hipercard)\b")


# A phone's IMEI passes Luhn like a card.
_IMEI = re.compile(r"(?i)\bimei\b")


def _card_valid(value: str, before: str) -> bool:
    """Luhn; a 14-digit CNPJ passes it one time in ten, and is a CNPJ unless the text says card.
    The tail of a longer run of groups ("... 1000 0012 3410 0012 3451") is not a card either."""
    if not luhn_valid(value) or _AFTER_DIGIT_GROUP.search(before) or _IMEI.search(before[-24:]):
        return False
    # a protocol or an order in groups of four ("protocolo: 2026 1206 0048 1123") passes Luhn one time in ten;
    # looked for only where a word or "#" stands near (a flood of digit groups pays nothing for it)
    near = before[-_NEAR:]
    if (_WORD_OR_SIGN.search(near) is not None and _ID_CONTEXT.search(near) is not None
            and _DOCUMENT_WORD.search(before[-30:]) is None):
        return False
    return not (len(_digits(value)) == 14 and cnpj_valid(value) and _CARD_WORD.search(before) is None)


_CARD_NAME = (r"(?:cart[ãa]o|cartao|card|cr[ée]dito|d[ée]bito|credit|debit|visa|master(?:card)?|amex|american express"
              r"|elo|diners(?:\s+club)?|hipercard|hiper|jcb|discover)")


# A card's groups: a dot, a dash, spaces or a line break between them; never a comma or a slash (a
# price, an expiry date).
_CARD_SEP = r"(?:[^\S\n]{0,2}[-.][^\S\n]{0,2}\n?|[^\S\n]{1,2}|\n)?"


def _may_name_card(text: str) -> bool:
    return any(word in text for word in ("cart", "card", "dito", "visa", "master", "amex", "american", "elo", "diners",
                                         "hiper", "jcb", "discover"))


def _named_card(value: str, before: str) -> bool:
    digits = _digits(value)
    # mistyped: the length and first digit of a card (Amex, Diners 3; Visa 4; Mastercard 2, 5; Elo, Hipercard 6)
    card_like = luhn_valid(digits) or (len(digits) in (14, 15, 16) and digits[0] in "23456"
                                       and digits != digits[0] * len(digits))
    return (card_like and _AFTER_DIGIT_GROUP.search(before) is None
            and _ID_CONTEXT.search(before[-_NEAR:]) is None)


def pis_valid(value: str) -> bool:
    """PIS/PASEP/NIS/NIT: ten digits and a mod-11 check digit (weights 3, 2, 9..2)."""
    digits = _digits(value)
    if len(digits) != 11 or digits == digits[0] * 11:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:10], (3, 2, 9, 8, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    return int(digits[10]) == (0 if check >= 10 else check)


# "nº", "número", "number", "#" right before a value a document word names: the number of that document,
# not "a number" naming something else (_ID_CONTEXT reads "nº 123" as an order's).
_NUMBER_SIGN = re.compile(r"(?i)(?:\bn[º°o]\.?|\bn[úu]mero|\bnumber|\bnum\.?|\bnr\.?|#)[^\w\n]*$")


def _named_value(length: range) -> Callable[[str, str], bool]:
    """Digits a document word names (CNH, título, PIS): of the document's length, not one digit repeated,
    and not named by a nearer word as something else ("cnh ok, protocolo 20260512004")."""
    def check(value: str, before: str) -> bool:
        digits = _digits(value)
        if len(digits) not in length or digits == digits[0] * len(digits):
            return False
        return _ID_CONTEXT.search(_NUMBER_SIGN.sub("", before[-32:])) is None
    return check


# "passaport" also finds the Italian "passaporto".
_PASSPORT_WORDS = ("passaport", "passport", "pasaporte", "passeport", "reisepass")
_CNH_NAME = (r"(?:cnh|c\.n\.h\.?|carteira\s+(?:nacional\s+)?de\s+(?:motorista|habilita[çc][ãa]o)|habilita[çc][ãa]o"
             r"|driver'?s?\s+licen[cs]e|driving\s+licen[cs]e)")
_VOTER_NAME = (r"(?:t[íi]t(?:ulo|\.)?\s+(?:de\s+)?eleitor(?:al)?|inscri[çc][ãa]o\s+eleitoral"
               r"|voter'?s?\s+(?:id|registration)|electoral\s+(?:id|card|number))")
_PIS_NAME = r"(?:pis(?:[-/\s]?pasep)?|pasep|nis|nit|pis/nis)"

_MONTH = (r"(?:jan(?:eiro|uary)?|fev(?:ereiro)?|feb(?:ruary)?|mar(?:[çc]o|ch)?|abr(?:il)?|apr(?:il)?|mai(?:o)?|may"
          r"|jun(?:ho|e)?|jul(?:ho|y)?|ago(?:sto)?|aug(?:ust)?|set(?:embro)?|sept?(?:ember)?|out(?:ubro)?|oct(?:ober)?"
          r"|nov(?:embro|ember)?|dez(?:embro)?|dec(?:ember)?)")
# A full date: day, month and year in digits, ISO, or with the month in words (pt or en).
_FULL_DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d/.\-])|(?:19|20)\d\d-\d\d-\d\d"
              rf"|\d{{1,2}}(?:[º°]|st|nd|rd|th)?(?:\s+de)?\s+{_MONTH}\.?(?:\s+de|,)?\s+(?:19|20)\d\d"
              rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)")
# The words that say birth: "nasc.", "data de nascimento", "dt nasc", "D.N.", "nasci em", "nasceu no dia",
# "DOB", "date of birth", "born (on)"; not "aniversário" or "birthday" (a shop's birthday sale has a date too).
_BIRTH_NAME = (r"(?:data\s+(?:de\s+)?nasc(?:imento)?\.?|dt\.?\s*(?:de\s+)?nasc(?:imento)?\.?|nasc(?:imento)?\.?"
               r"|nasc(?:i|eu|ido|ida)\s+(?:em|no\s+dia|dia|a|no)|d\.\s?n\.|dob|d\.o\.b\.?|date\s+of\s+birth"
               # a form's "DN:" (with its colon, or a full date right after it: "DN 25" is a pipe's diameter)
               r"|birth\s?date|born(?:\s+on)?|dn(?=[^\S\n]?:|[^\S\n]\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\d/.\-])))")


# Words that name a number as something other than an RG, between "rg" and the number.
_NOT_RG_WORD = re.compile(r"(?i)\b(?:cpf|cnpj|cnh|tel\w*|fone|cel\w*|whats\w*|wpp|zap|phone|cep|cart[ãa]o|card|pis|nis"
                          r"|t[íi]tulo|passaporte|passport|pedido|order|protocolo|nota|fatura|conta|ag[êe]ncia|valor|r\$"
                          r"|vence\w*|validade|expedi\w*|emiss[ãa]o|emitid[oa]|data|desde|em|at[ée]|de)\b")
_BARE_ID = re.compile(r"(?i)\bid\b[^\w\n]{0,4}$")
_DATE_SHAPE = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")


# The word that names an RG, to read only what lies between it and the number.
_RG_NAME = re.compile(r"(?i)\b(?:rg|r\.g\b\.?|identidade)(?![\w])")


def _rg_after_words(value: str, before: str) -> bool:
    digits = len(re.sub(r"[^0-9Xx]", "", value))
    if not 6 <= digits <= 13 or _DATE_SHAPE.match(value):
        return False
    # "precisa de RG? o meu é ...": the "de" before the word says nothing of the number after it.
    named = [match.end() for match in _RG_NAME.finditer(before)]
    gap = before[named[-1]:] if named else before[-24:]
    return _NOT_RG_WORD.search(gap) is None and _ID_CONTEXT.search(before[-_NEAR:]) is None


def _real_date(value: str) -> bool:
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    if len(numbers) == 3 and re.match(r"^\d{4}-", value):
        return 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31
    if len(numbers) == 3:
        day, month = numbers[0], numbers[1]
        return 1 <= day <= 31 and 1 <= month <= 31 and min(day, month) <= 12
    return True

def _cnpj_written(value: str) -> bool:
    """A CNPJ split by spaces is digits only; spaced capitals are words ("RUA DAS ...")."""
    return cnpj_valid(value) and not (re.search(r"\s", value) and re.search(r"[A-Za-z]", value))


# The first two digits of the CEPs of each state (Correios' ranges, by their first two digits).
_CEP_PREFIXES = {
    "sp": range(1, 20), "rj": range(20, 29), "es": range(29, 30), "mg": range(30, 40), "ba": range(40, 49),
    "se": range(49, 50), "pe": range(50, 57), "al": range(57, 58), "pb": range(58, 59), "rn": range(59, 60),
    "ce": range(60, 64), "pi": range(64, 65), "ma": range(65, 66), "pa": range(66, 69), "ap": range(68, 69),
    "am": range(69, 70), "rr": range(69, 70), "ac": range(69, 70), "df": range(70, 74), "go": range(72, 77),
    "to": range(77, 78), "mt": range(78, 79), "ro": range(76, 77), "ms": range(79, 80), "pr": range(80, 88),
    "sc": range(88, 90), "rs": range(90, 100),
}
# A state (or a location pin) right before: where the number sits is what makes it a CEP.
_STATE_BEFORE = re.compile(rf"(?i)(?:(?<![^\W\d_])({_UF})|\U0001F4CD)[^\S\n]?[,\-\u2013]?[^\S\n]?$")
_NOT_ADDRESS = re.compile(r"(?i)\b(?:pedido|order|protocolo|protocol|nota|nf|modelo|model|c[óo]digo|code|serial|ref|sku|lote)\b")


def _cep_of_state(value: str, before: str) -> bool:
    """A bare CEP after a state ("aracaju se 49010390") is one when its digits are that state's; after a location
    pin, always; never where a word names the number as something else."""
    place = _STATE_BEFORE.search(before)
    if _NOT_ADDRESS.search(before[-30:]):
        return False
    if place is None:
        # or its city ("Campinas 13083970")
        city = _CITY_BEFORE.search(_unaccented(before[-30:]))
        return city is not None and int(value[:2]) in _CEP_PREFIXES[_CITY_STATES[city.group(1).lower()]]
    state = place.group(1)
    return state is None or int(value[:2]) in _CEP_PREFIXES[state.lower()]


# Capitals and large cities, folded, with their state: a bare CEP right before or after one ("65075441 - Sao Luis",
# "Campinas 13083970") is one when its digits are that state's.
_CITY_STATES = {
    "rio branco": "ac", "maceio": "al", "macapa": "ap", "manaus": "am", "salvador": "ba", "feira de santana": "ba",
    "fortaleza": "ce", "brasilia": "df", "vitoria": "es", "vila velha": "es", "goiania": "go", "anapolis": "go",
    "sao luis": "ma", "cuiaba": "mt", "campo grande": "ms", "belo horizonte": "mg", "bh": "mg", "contagem": "mg",
    "uberlandia": "mg", "juiz de fora": "mg", "belem": "pa", "joao pessoa": "pb", "campina grande": "pb",
    "curitiba": "pr", "londrina": "pr", "maringa": "pr", "recife": "pe", "olinda": "pe", "caruaru": "pe",
    "teresina": "pi", "rio de janeiro": "rj", "niteroi": "rj", "natal": "rn", "porto alegre": "rs",
    "caxias do sul": "rs", "porto velho": "ro", "boa vista": "rr", "florianopolis": "sc", "joinville": "sc",
    "blumenau": "sc", "sao paulo": "sp", "campinas": "sp", "guarulhos": "sp", "santos": "sp", "osasco": "sp",
    "sorocaba": "sp", "ribeirao preto": "sp", "aracaju": "se", "palmas": "to",
}
def _unaccented(text: str) -> str:
    """The text without its accents, its case kept (a state in capitals, "SP", is read as one)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_CITY_BEFORE = re.compile(rf"(?i)\b({'|'.join(_CITY_STATES)})[^\S\n]?[,\-\u2013:]?[^\S\n]?$")
_PLACE_AFTER = re.compile(rf"^[^\S\n]*[-,/\u2013]?[^\S\n]*(?:({_UF})(?![^\W\d_])|(?i:({'|'.join(_CITY_STATES)}))\b)")


def _cep_before_place(value: str, around: str) -> bool:
    """A bare CEP followed by its state in capitals or its city ("65075441 - Sao Luis, tem fibra?") is one when its
    digits are that state's; never where a word names the number as something else ("pedido 12345678 - SP")."""
    before, _, after = around.partition("\0")
    place = _PLACE_AFTER.search(_unaccented(after))
    if place is None or _NOT_ADDRESS.search(before[-30:]):
        return False
    state = place.group(1).lower() if place.group(1) else _CITY_STATES[place.group(2).lower()]
    return int(value[:2]) in _CEP_PREFIXES[state]


# A phone dictated in number words ("onze nove nove oito um dois tres quatro cinco seis sete"), where the text
# speaks of a phone: eight to twelve digits (with or without the area code, a 0 before it, a digit said twice).
_NUMBER_WORDS = {"zero": "0", "um": "1", "uma": "1", "dois": "2", "duas": "2", "tres": "3", "três": "3", "quatro": "4",
                 "cinco": "5", "seis": "6", "meia": "6", "sete": "7", "oito": "8", "nove": "9", "dez": "10", "onze": "11",
                 "doze": "12", "treze": "13", "catorze": "14", "quatorze": "14", "quinze": "15", "dezesseis": "16",
                 "dezessete": "17", "dezoito": "18", "dezenove": "19", "vinte": "20", "trinta": "30", "quarenta": "40",
                 "cinquenta": "50", "sessenta": "60", "setenta": "70", "oitenta": "80", "noventa": "90"}
_DIGIT_WORD = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
# Between dictated digits: a space, a comma, a hyphen, or the separator said aloud ("... cinco, traço oito cinco").
_DICTATED_GAP = r"(?:[^\S\n]*[,-]?[^\S\n]+(?:(?:tra[cç]o|h[ií]fen|ponto|dash|dot)[^\S\n]+)?)"
_SAYS_NUMBER = re.compile(r"(?i)\b(?:number|phone|cell|call|text|n[uú]mero|telefone|fone|celular|whats\w*)\b")


# Words a dictated phone holds one of at least (a cheap test before its pattern runs).
_DICTATION_HINTS = ("nove", "oito", "sete", "seis", "cinco", "quatro", "tres", "dois", "um ")


def _dictated(value: str) -> list[str]:
    """The digits each number word of a dictated run stands for ("onze", "nove" -> "11", "9")."""
    return [_NUMBER_WORDS[word] for word in re.findall(_DIGIT_WORD, value.lower())]


def _dictated_document(word: str, valid: Callable[[str], bool]) -> Callable[[str, str], bool]:
    """A CPF or a CEP dictated digit by digit, after the word that names it."""
    def check(value: str, before: str) -> bool:
        pieces = _dictated(value)
        return word in before[-30:].lower() and all(len(p) == 1 for p in pieces) and valid("".join(pieces))
    return check


def _dictated_phone(value: str, before: str) -> bool:
    near = before[-40:]
    return (8 <= len("".join(_dictated(value))) <= 12
            and (_PHONE_WORD.search(near) is not None or _SAYS_NUMBER.search(near) is not None))


DETECTORS: tuple[Detector, ...] = (
    # A Pix "copia e cola" payload (an EMV BR Code) carries the receiver's key, name and city: the
    # whole code, up to its CRC field on that line, before any detector claims a piece of it.
    Detector("pix_key", re.compile(r"(?<![\w])000201[^\n]{20,600}6304[0-9A-Fa-f]{4}"),
             lambda value, before: "br.gov.bcb.pix" in value.lower(), needs=lambda text: "000201" in text),
    Detector("boleto", re.compile(
        r"(?<!\d)\d{5}[.\s]?\d{5}\s{0,3}\d{5}[.\s]?\d{6}\s{0,3}\d{5}[.\s]?\d{6}\s{0,3}\d\s{0,3}\d{14}(?!\d)"),
        _ignore_context(boleto_valid)),
    Detector("boleto", re.compile(
        r"(?<!\d)8\d{10}[-\s]?\d\s{0,3}\d{11}[-\s]?\d\s{0,3}\d{11}[-\s]?\d\s{0,3}\d{11}[-\s]?\d(?!\d)"),
        _ignore_context(boleto_valid)),
    # A line copied from a PDF or a narrow screen wraps wherever the width ends ("23792819300004718290\n2000..."),
    # and a typed one has spaces anywhere: 47 or 48 digits with dots, hyphens and white space anywhere between
    # them; the field check digits decide. It starts as a line does: a bank's code and the currency 9, or the 8 of a
    # utility line (a flood of digit groups is not tried from every group).
    Detector("boleto", re.compile(r"(?<![\d.])(?=\d{3}9|8\d)\d(?:[.\s-]{0,3}\d){46,47}(?!\d)"),
             _ignore_context(boleto_valid)),
    # Not two groups more to its right ("3526 0512 3456 7800 0190 5500 ...": an invoice's access key).
    Detector("card", re.compile(r"(?<![\d.,/+-])(?:\d[ -]?){12,18}\d(?![\d/]|[.,]\d|[ -]\d{4}[ -]\d{4})"), _card_valid),
    # A card's groups (4-4-4-4, Amex 4-6-5, Diners 4-6-4) split the same way each time by a dot, two
    # spaces or a spaced dash: "5167.3048.2910.3757", "4551 - 9028 - 3746 - 1021".
    Detector("card", re.compile(r"(?<![\d.,/+-])(?:\d{4}(?P<s>[^\S\n]?[-.][^\S\n]?|[^\S\n]{2})\d{4}(?P=s)\d{4}(?P=s)\d{4}"
                                r"|\d{4}(?P<a>[^\S\n]?[-.][^\S\n]?|[^\S\n]{2})\d{6}(?P=a)\d{4,5})(?![\d/]|[.,]\d)"),
             _card_valid),
    # Where the text names a card, its groups may be broken over lines, and a number whose Luhn digit
    # was mistyped is still the customer's card.
    Detector("card", re.compile(rf"(?i)\b{_CARD_NAME}\b[^\d\n]{{0,30}}?{_NOT_MID}(\d(?:{_CARD_SEP}\d){{12,18}})"
                                r"(?![\w/]|[.,]\d)"), _named_card, group=1, needs=_may_name_card),
    Detector("cnpj", re.compile(r"(?<![\w.,/-])[0-9A-Z]{2}[.,\s]?[0-9A-Z]{3}[.,\s]?[0-9A-Z]{3}(?:[/.,\s]|\s/\s)?[0-9A-Z]{4}"
                                r"(?:\s-\s|[-.\s])?\d{2}(?![\w/])"), _unless_bare_id(_cnpj_written)),
    # A comma typed for a dot ("481,526,037-08"), an en dash for the hyphen: the check digits decide.
    Detector("cpf", re.compile(r"(?<![\w.,/-])\d{3}[.,\s]?\d{3}[.,\s]?\d{3}(?:\s[-\u2013]\s|[-\u2013.,\s/])?\d{2}"
                               r"(?![\w/]|[.,]\d)"), _unless_bare_id(cpf_valid)),
    # Where the text names the document, its digits may be grouped any way ("cpf 5172 9384 005",
    # "c n p j: 2 8 3 7 4 6 1 5 0 0 0 1 0 5"); elsewhere only one digit at a time.
    # A line break inside ("123.456.\n789-09", copied from a PDF) and a dictated word between the
    # groups ("123.456.789 traço 09") are read as separators too.
    Detector("cpf", re.compile(rf"(?i)\b{_CPF_WORD}{_NAMED_GAP}{{0,40}}?{_NOT_MID}(\d(?:{_NAMED_SEP}\d){{10}})"
                               r"(?![\d/]|[.,]\d)"),
             _named_document(cpf_valid, 11), group=1,
             needs=lambda text: "cpf" in text or "c.p.f" in text or "tax" in text),
    Detector("cnpj", re.compile(rf"(?i)\b(?:cnpj|c\.n\.p\.j\.?){_NAMED_GAP}{{0,24}}?{_NOT_MID}"
                                rf"(\d(?:{_NAMED_SEP}\d){{13}})"
                                r"(?![\w/]|[.,]\d)"),
             _named_document(cnpj_valid, 14), group=1, needs=lambda text: "cnpj" in text or "c.n.p.j" in text),
    Detector("cpf", re.compile(rf"(?i)\b{_CPF_WORD}[^\d\n]{{0,24}}?{_PIECES}"), _pieces_valid(cpf_valid), group=1, also=3,
             short=True, needs=lambda text: "cpf" in text or "c.p.f" in text or "tax" in text),
    Detector("cnpj", re.compile(rf"(?i)\b(?:cnpj|c\.n\.p\.j\.?)[^\d\n]{{0,24}}?{_PIECES}"), _pieces_valid(cnpj_valid),
             group=1, also=3, short=True, needs=lambda text: "cnpj" in text or "c.n.p.j" in text),
    Detector("card", re.compile(rf"(?i)\b{_CARD_NAME}\b[^\d\n]{{0,30}}?{_PIECES}"), _pieces_valid(luhn_valid), group=1,
             also=3, short=True, needs=_may_name_card),
    Detector("cpf", re.compile(r"(?<![\w./-])\d(?:[^\S\n]\d){10}(?![\w/]|[^\S\n.,]\d)"), _ignore_context(cpf_valid)),
    Detector("cnpj", re.compile(r"(?<![\w./-])\d(?:[^\S\n]\d){13}(?![\w/]|[^\S\n.,]\d)"), _ignore_context(cnpj_valid)),
    # A random (EVP) key, its groups split by hyphens or by spaces; without them where the text
    # speaks of Pix or a key and the 32 characters have a UUID's version 4 and variant.
    Detector("pix_key", re.compile(
        rf"(?:(?<![\w-])|(?<=(?i:pix)))[0-9a-fA-F]{{8}}{_KEY_SEP}[0-9a-fA-F]{{4}}{_KEY_SEP}[0-9a-fA-F]{{4}}{_KEY_SEP}[0-9a-fA-F]{{4}}"
        rf"{_KEY_SEP}[0-9a-fA-F]{{12}}(?![0-9a-fA-F_-])"), _random_key),
    # ... and wrapped by a line break anywhere, where the text speaks of Pix or a key ("chave: cf6646a525644fd0\nb3c3...").
    Detector("pix_key", re.compile(r"(?<![\w-])[0-9a-fA-F]{6,26}\n[0-9a-fA-F]{6,26}(?![\w-])"),
             lambda value, before: _UUID4_BARE.fullmatch(value.replace("\n", "")) is not None,
             needs=lambda text: "pix" in text or "chave" in text or "key" in text),
    # ... or wrapped with its hyphens, at a hyphen or inside a group ("449ab479-0668-4296\n-a9ea-...").
    Detector("pix_key", re.compile(r"(?<![\w-])[0-9a-fA-F-]{4,40}\n[0-9a-fA-F-]{4,40}(?![\w-])"),
             lambda value, before: _UUID.fullmatch(value.replace("\n", "")) is not None,
             needs=lambda text: "pix" in text or "chave" in text or "key" in text),
    # A random key without its hyphens, alone or glued to its word ("no pix1d2d27ad...").
    Detector("pix_key", re.compile(r"(?:(?<![\w-])|(?<=(?i:pix)))[0-9a-fA-F]{12}4[0-9a-fA-F]{3}[89abAB][0-9a-fA-F]{15}"
                                   r"(?![\w-])"),
             needs=lambda text: "pix" in text or "chave" in text or "key" in text),
    Detector("pix_key", re.compile(r"(?i)\bchave\s+(?:pix|aleat[óo]ria)\b[^\S\n]*(?:[ée](?=\s)|:|="
                                   r"|-)?[^\S\n]*([^\s,;]{6,77})"), group=1,
             needs=lambda text: "chave" in text),
    # Accented letters before the @ ("joão.vitor@..."), a comma or a spaced dot after the first label
    # of the domain ("@gmail,com", "@gmail. com"; not ", com cópia" after a whole address).
    # An "=" inside the name ("b.costa=financeiro@...", a bounce or forwarding address), claimed whole before
    # the next pattern takes what follows it; not a query string's or a log's key ("?email=ana@...",
    # "email=ana@...": the address alone).
    Detector("email", re.compile(r"(?<![\w.+?&=/-])(?![^\W\d_]+(?:-[^\W\d_]+)?=)[\w.+-]{1,64}=[\w.%+'-]{1,64}"
                                 r"@[^\W_](?:[\w-]{0,61}[^\W_])?(?:\.[^\W_](?:[\w-]{0,61}[^\W_])?)+"),
             needs=lambda text: "@" in text and "=" in text),
    # An apostrophe inside the name ("o'connor@..."); accented domains ("joão@família.com.br").
    # A name wrapped after one of its dots ("ricardo.\nnunes@terra.com.br") is the address's too.
    Detector("email", re.compile(r"(?<![\w.+-])(?:[\w%+-][\w.%+-]{0,62}\.\n)?[\w.%+-][\w.%+'-]{0,63}@[^\W_](?:[\w-]{0,61}[^\W_])?"
                                 r"(?:\.|,(?=(?i:com|net|org|br)\b)|[^\S\n]?\.[^\S\n]?(?=(?i:com|net|org|br|gov|edu)\b))"
                                 r"[^\W_](?:[\w-]{0,61}[^\W_])?"
                                 r"(?:\.[^\W_](?:[\w-]{0,61}[^\W_])?)*"),
             needs=lambda text: "@" in text),
    # A name wrapped right before or after its @ ("marcos.vinicius\n@gmail.com"), where the domain ends as mail
    # domains do.
    Detector("email", re.compile(r"(?<![\w.+-])[\w.%+-][\w.%+'-]{0,63}(?:\n@|@\n)[^\W_](?:[\w-]{0,61}[^\W_])?"
                                 r"(?:\.[^\W_](?:[\w-]{0,61}[^\W_])?)*\.(?i:com|net|org|br|edu|gov|io|me)(?![\w.-])"),
             needs=lambda text: "\n@" in text or "@\n" in text),
    Detector("email", re.compile(rf"(?i)(?<![\w.+-])[\w.%+-]{{1,64}}(?:{_DOT}[\w%+-]{{1,64}}){{0,3}}"
                                 rf"{_AT}[a-z0-9-]{{1,63}}"
                                 rf"(?:{_DOT}[a-z0-9-]{{1,63}}){{0,3}}{_DOT}[a-z]{{2,10}}\b(?!{_AT})"),
             _spelled_email, needs=_may_spell_email),
    # "fulano arroba gmail": a mail provider's name is domain enough.
    # "fulano@gmail" too, typed in a hurry without the ".com".
    Detector("email", re.compile(rf"(?i)(?<![\w.+-])[\w.%+-]{{1,64}}(?:{_SP}?@{_SP}?|{_AT_WORD}){_MAIL_PROVIDERS}\b"),
             needs=lambda text: "@" in text or "arroba" in text or "[at]" in text or "(at)" in text or "{at}" in text),
    # Documents a word names: the driver's licence register (CNH, 9 to 11 digits), the título de eleitor
    # (12), the PIS/PASEP/NIS/NIT (11; also unnamed in its own dotted shape with its check digit), a
    # passport (up to two letters and six to nine digits), a date of birth.
    Detector("cnh", re.compile(rf"(?i)\b{_CNH_NAME}(?![^\W\d])[^\d\n]{{0,30}}?{_NOT_MID}(\d(?:{_NAMED_SEP}\d){{8,10}})"
                               r"(?![\w/]|[.,]\d)"), _named_value(range(9, 12)), group=1,
             needs=lambda text: "cnh" in text or "c.n.h" in text or "habilita" in text or "licen" in text
             or "motorista" in text),
    Detector("voter_id", re.compile(rf"(?i)\b{_VOTER_NAME}(?![^\W\d])[^\d\n]{{0,30}}?{_NOT_MID}(\d(?:{_NAMED_SEP}\d){{11}})"
                                    r"(?![\w/]|[.,]\d)"), _named_value(range(12, 13)), group=1,
             needs=lambda text: "eleitor" in text or "voter" in text or "electoral" in text),
    Detector("pis", re.compile(rf"(?i)\b{_PIS_NAME}(?![^\W\d])[^\d\n%]{{0,30}}?{_NOT_MID}(\d(?:{_NAMED_SEP}\d){{10}})"
                               r"(?![\w/%]|[.,]\d)"), _named_value(range(11, 12)), group=1,
             needs=lambda text: "pis" in text or "pasep" in text or "nis" in text or "nit" in text),
    Detector("pis", re.compile(r"(?<![\w.,/-])\d{3}\.\d{5}\.\d{2}-\d(?![\w]|[.,]\d)"),
             lambda value, before: pis_valid(value)),
    Detector("passport", re.compile(
        r"(?i)\b(?:passaporte|passport|pasaporte|passeport|passaporto|reisepass)\b"
        # up to four words between, a year among them ("passaporte (brasileiro, emitido 2023): ...")
        r"(?:[^\w\n]{1,4}(?:[^\W\d]{1,12}|(?:19|20)\d\d)(?![^\S\n]?(?!(?:19|20)\d\d\b)\d)){0,4}"
        r"(?:[^\w\n]{1,5}|[^\w\n]{0,4}\n[^\S\n]{0,4})"
        # the Brazilian and Portuguese shapes (letters, then digits), digits alone, and the letters and digits
        # mixed of the newer US and German passports ("C01X00T47", at least four digits)
        r"([a-z]{1,2}[^\S\n]?\d{3}[^\S\n]?\d{3,6}|\d{6,9}|(?=(?:[a-z]*\d){4})[a-z\d]{6,10})(?![\w])"),
        lambda value, before: _ID_CONTEXT.search(_NUMBER_SIGN.sub("", before[-_NEAR:])) is None,
        group=1, short=True, needs=lambda text: any(word in text for word in _PASSPORT_WORDS)),
    Detector("birth_date", re.compile(
        rf"(?i)\b{_BIRTH_NAME}(?![\w])(?:\s+(?:d[oae]s?|of(?:\s+the)?)\s+[^\W\d]+)?[^\w\n]{{0,4}}\n?[^\w\n]{{0,3}}"
        rf"(?:(?:dia|em|on|in|no|is|was|[ée]|eh)\s+)?({_FULL_DATE})(?![\w])"),
        lambda value, before: _real_date(value), group=1, short=True,
        needs=lambda text: "nasc" in text or "birth" in text or "born" in text or "dob" in text or "d.o.b" in text
        or "d.n" in text or "d. n" in text or "dn" in text),
    # Foreign numbers first: "+54 9 11 2345-6789" holds what looks like a whole Brazilian number.
    Detector("phone", re.compile(
        r"(?<![\w+])\+(?!55)[1-9]\d{0,2}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?![\w])"),
             lambda raw, before: 8 <= len(_digits(raw)) <= 15),
    # Dialled with the international prefix 00 instead of "+" ("liga 00351 912 345 678"), the groups set apart,
    # where a word says phone (a bank account "0012 3456 7890" is no call to country 12).
    Detector("phone", re.compile(r"(?<![\w+])00(?!55)[1-9]\d{0,2}(?:[\s.-]\d{2,4}){2,5}(?![\w]|[-/.]\d)"),
             lambda raw, before: 10 <= len(_digits(raw)) <= 15
             and (_PHONE_WORD.search(before[-40:]) is not None or _DIAL_WORD.search(before[-40:]) is not None)
             and _ID_CONTEXT.search(before) is None,
             needs=lambda text: "00" in text and (_may_name_phone(text) or "dis" in text or "dial" in text
                                                   or "fixo" in text or "landline" in text)),
    # A North American number with its leading 1 where the text says number or phone ("my US number is 1-415-555-0198").
    Detector("phone", re.compile(r"(?<![\w+.-])1[-.\s]\d{3}[-.\s]\d{3}[-.\s]\d{4}(?![\w]|[-/.]\d)"),
             lambda raw, before: _SAYS_NUMBER.search(before[-40:]) is not None and _ID_CONTEXT.search(before) is None),
    # A North American number with its area code in parentheses: "(415) 555-0139".
    Detector("phone", re.compile(r"(?<![\w(])\([2-9]\d{2}\)[^\S\n]?[2-9]\d{2}[-.][^\S\n]?\d{4}(?![\w]|[-/.]\d)"),
             needs=lambda text: "(" in text),
    # Where a phone word names it, a number in a foreign shape: "415-555-0161", "07700 900789" (UK), "020 7946 0958";
    # not a free or shared business line ("0800 123 4567").
    Detector("phone", re.compile(
        rf"(?i)\b(?:{_PHONE_NAME})\b[^\d\n]{{0,20}}?(?<![\d(])(\([2-9]\d{{2}}\)[^\S\n]?\d{{3}}[-.\s]\d{{4}}"
        r"|[2-9]\d{2}[-.]\d{3}[-.]\d{4}|(?!0[3-9]00)(?:0[1-9]\d{2,3}[^\S\n]\d{6}|0[1-9]\d{1,3}[^\S\n]\d{3,4}[^\S\n]\d{3,4}))"
        r"(?![\w]|[-/.]\d)"),
        lambda value, before: _ID_CONTEXT.search(before[-_NEAR:]) is None, group=1, needs=_may_name_phone),
    # An area code in parentheses or after +55 (0055, 55 before "(11)") says phone: the digits after it
    # may be grouped any way ("(11) 987 654 321", "+55 11 98 765 4321", "(11) 98765 - 4321").
    Detector("phone", re.compile(
        r"(?<![\w+])(?:(?:(?:\+|00[^\S\n]?)[^\S\n]?55|\(\+?55\))[^\S\n]?[.-]?[^\S\n]?(?:\([^\S\n]?0?(?:xx)?[1-9]\d[^\S\n]?\)"
        r"|0?(?:xx)?[1-9]\d)|55[^\S\n]?(?=\()\([^\S\n]?0?[1-9]\d[^\S\n]?\)"
        r"|\([^\S\n]?0?(?:xx|XX)?[1-9]\d[^\S\n]?\)"
        # the country and area codes in one pair of parentheses: "(+55 43) 99918-2738"
        r"|\([^\S\n]?\+?[^\S\n]?55[^\S\n]?[.-]?[^\S\n]?0?[1-9]\d[^\S\n]?\))[^\S\n]?[.-]?[^\S\n]?(?:\d(?:[^\S\n]?[-\u2013][^\S\n]?\n?|[.\s])?){7,8}\d(?![\w]|[-/.]\d)"),
        br_phone_valid, needs=lambda text: "(" in text or "+" in text or "0055" in text or "00 55" in text),
    Detector("phone", re.compile(
        r"(?<![\w+])(?<!\d[-/.])(?<![A-Za-z]-)(?:\+\s?55[\s.-]?|55[\s.-]?)?(?:(?:\(\s?0?(?:xx|XX)?[1-9]\d\s?\)"
        # a line break after the hyphen: a number wrapped where the screen ended
        r"|0?(?:xx|XX)?[1-9]\d)[\s.-]?)?(?:9[\s.-]?)?\d{4}(?:-\n|[\s.\-\u2013])?\d{4}(?![\w]|[-/.]\d|[^\S\n]\d{4}(?!\d))"
        + _NOT_QUANTITY), br_phone_valid),
    Detector("phone", re.compile(
        r"(?<![\w+])(?<!\d[-/.])(?<![A-Za-z]-)(?:9[\s.-]?)?\d{4}[\s.\-\u2013]\d{4}(?![\w]|[-/.]\d|[^\S\n]\d{4}(?!\d))"
        + _NOT_QUANTITY), br_phone_valid),
    # A mobile number without separators or area code, where the text says it is a phone.
    Detector("phone", re.compile(
        r"(?i)\b(?:tel|telefone|fone|celular|cel|whats|whatsapp|zap|ligue|ligar|liga|contato|phone|mobile)\b[^\d\n]{0,20}"
        r"(?<!\d)(9\d{8})(?!\d)"), group=1),
    # Glued to its word, typed in a hurry: "zap31999887766", "cel11987654321".
    Detector("phone", re.compile(r"(?i)(?<![^\W\d_])(?:tel|telefone|fone|cel|celular|whats|whatsapp|wpp|zap)"
                                 r"((?:\+?55)?\(?0?[1-9]\d\)?9?\d{4}-?\d{4})(?![\w])"),
             lambda value, before: br_phone_valid(value, before), group=1, needs=_may_name_phone),
    # ... or where a phone word follows it ("998120103 é meu cel", "43998120103 (whats)").
    Detector("phone", re.compile(
        r"(?i)(?<![\w+.,/-])(9\d{8})(?=[^\S\n]*[-\u2013(:,]?[^\S\n]*(?:(?:[ée]|eh|is|was)[^\S\n]+)?"
        r"(?:(?:o|a|meu|minha|my|the)[^\S\n]+){0,2}(?:cel|celular|zap|whats\w*|wpp|telefone|fone|phone|mobile)\b)"),
        needs=_may_name_phone),
    # The area code set apart by a slash before a mobile ("43/99812-0082"); a date or a range ("12/2026-2027")
    # has no nine-digit group starting with 9 after it.
    Detector("phone", re.compile(r"(?<![\w/.,-])[1-9]\d[^\S\n]?/[^\S\n]?9[\s.]?\d{4}-\d{4}(?![\w]|[-/.]\d)"),
             lambda raw, before: br_phone_valid(raw.replace("/", " "), before)),
    # A segment of a link's path ("https://loja.com/clientes/52998224725/pedidos", ".../ws/01310100/json"):
    # a CPF or CNPJ by its check digits, a CEP where the link says cep.
    Detector("cpf", re.compile(_URL_SEGMENT), lambda value, before: cpf_valid(value), needs=_has_link),
    Detector("cnpj", re.compile(_URL_SEGMENT), lambda value, before: cnpj_valid(value), needs=_has_link),
    Detector("cep", re.compile(_URL_SEGMENT), lambda value, before: len(_digits(value)) == 8 and "cep" in before.lower(),
             needs=_has_link),
    # Not a number a word names as something else ("pedido 12345-678").
    # Nor a quantity ("12345-678 unidades", "29384-716 caixas").
    Detector("cep", re.compile(r"(?<![\w.,/-])\d{2}\.?\d{3}-\d{3}(?![\w]|[.,]\d|[^\S\n]*(?:unidades?|unid|un|pe[çc]as|itens"
                               r"|caixas|kwh|kw|mwh|wh|placas|pain[ée]is|m[²2³3]?|metros|kg|litros|reais|units|pieces|items"
                               r"|boxes|pcs)(?![^\W\d]))"),
             lambda value, before: _ID_CONTEXT.search(before) is None),
    # Bare at the end of an address, after its state ("... centro aracaju se 49010390", "Fortaleza-CE 60160230"), or
    # after a location pin (U+1F4CD, "<pin>65020600 São Luís").
    Detector("cep", re.compile(r"(?<![\w.,/-])\d{5}-?\d{3}(?![\w]|[.,/]\d)"), _cep_of_state),
    Detector("cpf", re.compile(rf"(?i)(?<![^\W\d_]){_DIGIT_WORD}(?:{_DICTATED_GAP}{_DIGIT_WORD}){{10}}(?![^\W\d_])"),
             _dictated_document("cpf", cpf_valid), wordy=True, needs=lambda text: "cpf" in text),
    Detector("cep", re.compile(rf"(?i)(?<![^\W\d_]){_DIGIT_WORD}(?:{_DICTATED_GAP}{_DIGIT_WORD}){{7}}(?![^\W\d_])"),
             _dictated_document("cep", lambda digits: len(digits) == 8), wordy=True, needs=lambda text: "cep" in text),
    Detector("phone", re.compile(rf"(?i)(?<![^\W\d_]){_DIGIT_WORD}(?:{_DICTATED_GAP}{_DIGIT_WORD}){{6,10}}(?![^\W\d_])"),
             _dictated_phone, wordy=True, needs=lambda text: any(word in text for word in _DICTATION_HINTS)),
    # ... or that the next words name as a CEP ("43153286 esse é o cep novo").
    Detector("cep", re.compile(r"(?i)(?<![\w.,/-])\d{5}-?\d{3}(?![\w]|[.,/]\d)(?=[^\d\n]{0,24}\b(?:cep|zip code|postal code)\b)"),
             lambda value, before: _ID_CONTEXT.search(before) is None, needs=lambda text: "cep" in text or "code" in text),
    # ... or before its state or city ("65075441 - Sao Luis").
    Detector("cep", re.compile(r"(?<![\w.,/-])\d{5}-?\d{3}(?=[^\S\n]*[-,/\u2013]?[^\S\n]*[^\W\d_])"), _cep_before_place,
             after=True),
    # Where the text says CEP, also "85 851-015", "86.010.200", an en dash for the hyphen.
    Detector("cep", re.compile(r"(?i)\b(?:cep|c\.e\.p\.?|postcode|post code|postal code|zip code|zip|c[óo]digo postal)"
                               r"(?![^\W\d])[^\d\n]{0,32}?(?<![\d.,/])(\d{2}[.,\s]?\d{3}(?:\n?[^\S\n]?[-\u2013/][^\S\n]?\n?|[.\s])?\d{3})"
                               r"(?![\d/]|[.,]\d)"),
             group=1,
             needs=lambda text: "cep" in text or "c.e.p" in text or "post" in text or "zip" in text),
    # After the CEPs ("contato: cep 86010-200" is a CEP). Where the text says phone ("meu número é",
    # "whatsapp"), its digits may be grouped any way, one by one, or split by a dictated word:
    # "1 8 9 9 7 6 5 1 2 4 0", "18 997 651 245", "11 9 8712 traço 0039".
    Detector("phone", re.compile(
        rf"(?i)\b(?:{_PHONE_NAME})\b[^\d\n]{{0,20}}?{_NOT_MID}((?:\+[^\S\n]?)?\d(?:{_PHONE_SEP}\d){{7,12}})"
        r"(?![\w/]|[.,]\d)"), _named_phone, group=1, needs=_may_name_phone),
    # State prefix: "MG-12.345.678", "SP 12.345.678-9" (undotted, only where the text says RG).
    Detector("rg", re.compile(
        rf"(?<![\w-])(?:{_UF}|M)[-\s]?"
        r"\d{1,2}\.\d{3}\.\d{3}(?:-?[\dXx])?(?![\w]|[.,/]\d)")),
    # "ID: 12.345.678-9" names an identity card, "ID do pedido" an order.
    Detector("rg", re.compile(r"(?<![\w./-])\d{1,2}\.\d{3}\.\d{3}-[\dXx](?![\w])"),
             lambda value, before: _ID_CONTEXT.search(before) is None or _BARE_ID.search(before) is not None),
    # The body that issued it before the number: "SSP/SP 12345678-9", "IFP-RJ: 12.345.678".
    Detector("rg", re.compile(rf"(?i)\b{_RG_ISSUER}\b[^\S\n]{{0,2}}[:\-\u2013]?[^\S\n]{{0,2}}"
                              r"(\d{1,2}\.?\d{3}\.?\d{3}(?:[^\S\n]?-?[^\S\n]?[\dX]{1,2})?)(?![\w]|[.,/]\d)"),
             group=1, needs=_has_rg_issuer),
    # A number followed by the body that issued it: "1.234.567 SSP/DF", "5.432.109 SDS-PE".
    Detector("rg", re.compile(rf"(?i)(?<![\w./-])(\d{{1,2}}\.?\d{{3}}\.?\d{{3}}(?:-?[\dX]{{1,2}})?)"
                              rf"[^\S\n]{{0,3}}[-/,]?[^\S\n]{{0,3}}{_RG_ISSUER}\b"), group=1, needs=_has_rg_issuer),
    # Where a word names it ("rg", "identidade", "RG nº", "RG/SSP", "national ID"): 5 to 13 digits (TO's six,
    # RS and BA's ten, CE and AL's eleven, MA's thirteen with the year), a state before it in any case, "X" for
    # a digit. A space inside is followed by a short group ("18 472 936 5"), never a longer number after it; not
    # a length or a count (a coaxial cable "RG 59 100 metros").
    Detector("rg", re.compile(
        r"(?i)(?:\b(?:rg|identidade|carteira de identidade|registro geral|c[ée]dula de identidade|identity card"
        r"|id card|national id)\b|\br\.g\b\.?)(?:\s+(?:d[oae]s?|of|from)\s+[^\W\d]+(?:\s+[^\W\d]+)?)?"
        rf"(?:\s*\([^)\n]{{1,12}}\))?(?:[/\s-]{{1,3}}{_RG_ISSUER}\b|/(?:uf|{_UF})\b)?"
        r"[\s:nº°.#=)-]{0,6}(?:n\.?[º°o]?\.?\s*|nr\.?\s*|n[úu]mero\s*|number\s*)?[\s:]*"
        rf"(?:(?:[ée]|eh|is|:|era|was)(?:\s+(?:o|a|the))?\s+)?((?:(?:{_UF}|m)[-\s]?)?"
        r"[0-9](?:[0-9Xx.\-/_]|(?<=[.\-])\n(?=\d)|(?<=\d)\n(?=[.\-]\d)|[^\S\n](?=[-\u2013]|[0-9Xx]{1,3}(?![0-9Xx]))){3,16}"
        r"(?<=[0-9Xx]))(?![\w])"
        r"(?![^\S\n]*(?:m|metros|meters|ft|p[ée]s|unidades|pe[çc]as|rolos?)\b)"),
        lambda value, before: 5 <= len(re.sub(r"[^0-9Xx]", "", value)) <= 13,
        group=1, short=True,
        needs=lambda text: ("rg" in text or "identidade" in text or "registro" in text or "r.g" in text
                            or "identity" in text or "id card" in text or "national id" in text)),
    # Glued to its word, typed in a hurry: "rg75008276", "RG12.345.678-9" (not a code that runs on: "RG59U").
    Detector("rg", re.compile(r"(?i)(?<![^\W\d_])rg(\d{1,2}\.?\d{3}\.?\d{3}(?:-?[\dX]{1,2})?)(?![\w])"),
             lambda value, before: 7 <= len(re.sub(r"[^0-9Xx]", "", value)) <= 11, group=1,
             needs=lambda text: "rg" in text),
    # A few words between the word and the number ("rg, tá aqui 718846962", "o rg pro cadastro: MG-12.345.678"):
    # no internal space, not a date, and no word between them that names another number (a CPF, a phone, an order).
    Detector("rg", re.compile(rf"(?i)\b(?:rg|r\.g\b\.?|identidade)(?![\w])[^\d\n]{{1,24}}?(?<![\w.,/-])"
                              rf"((?:{_UF}[-\s]?)?\d[\d.,\-/Xx]{{4,14}}[\dXx])(?![\w]|[.,/]\d)"),
             lambda value, before: _rg_after_words(value, before), group=1, short=True,
             needs=lambda text: "rg" in text or "r.g" in text or "identidade" in text),
    # A foreigner's registration (RNE, RNM): a letter, six digits and a check character.
    Detector("rg", re.compile(r"(?i)\b(?:rne|rnm|crnm)\b[^\w\n]{0,4}(?:n[º°o]\.?[^\w\n]{0,3})?([a-z]\d{6}-?[0-9a-z])(?![\w])"),
             group=1, short=True, needs=lambda text: "rne" in text or "rnm" in text),
)


class _Claimed:
    """The spans already claimed, disjoint and sorted: a candidate's overlap is found by bisection,
    so a text with hundreds of candidates is not checked against every claimed span."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        return (index > 0 and self.ends[index - 1] > start) or (index < len(self.starts) and self.starts[index] < end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def _accepted_spans(detector: Detector, match: re.Match[str], text: str, taken: _Claimed) -> list[tuple[int, int]]:
    """The spans a candidate claims (two for a number in two pieces), or none: a span already claimed, or a
    value its check refuses."""
    start, end = match.span(detector.group)
    if taken.overlaps(start, end):
        return []
    value = match.group(detector.group)
    if not detector.also:
        around = text[max(0, start - 60) : start]
        if detector.after:
            around = f"{around}\0{text[end : end + 40]}"
        if detector.valid is not None and not detector.valid(value, around):
            return []
        return [(start, end)]
    rest_start, rest_end = match.span(detector.also)
    if taken.overlaps(rest_start, rest_end):
        return []
    # both pieces read together; the words between them decide what the second is
    if detector.valid is not None and not detector.valid(f"{value} {match.group(detector.also)}", text[end:rest_start]):
        return []
    return [(start, end), (rest_start, rest_end)]


# The kinds of value a business publishes about itself: in a reply, one its passages hold stays.
_PUBLISHABLE = frozenset(("email", "phone", "cnpj", "cep", "pix_key"))


class PiiCheck:
    """Redacts personal data; reports each kind it found. A text longer than the
    scan budget, or with more candidates than `max_findings`, is refused (the
    fallback is used) rather than released partly scanned."""

    name = "pii_redaction"

    def __init__(self, max_scan_chars: int = 20_000, max_findings: int = 200,
                 kinds: frozenset[str] | None = None) -> None:
        self.max_scan_chars = max_scan_chars
        self.max_findings = max_findings
        self.detectors = [d for d in DETECTORS if kinds is None or d.kind in kinds]

    def scan(self, text: str, context: GuardContext) -> list[Finding]:
        if len(text) > self.max_scan_chars:
            return [Finding(self.name, "unscanned_overflow", 0, len(text), blocks=True, redact=False)]
        findings: list[Finding] = []
        taken = _Claimed()
        text = fold_same_length(text)
        digits = _DIGIT_GROUP.search(text) is not None
        some_digit = digits or _NUMBER_THEN.search(text) is not None
        lowered = text.lower() if len(text) < 100_000 else ""
        # In a reply, a contact the business publishes in its knowledge passages (a
        # sales e-mail, a WhatsApp number, its own CNPJ, a store's CEP, the Pix key it is
        # paid on) is the answer, not someone's personal data.
        published = "\n".join(context.evidence) if context.stage == "output" and context.evidence else ""
        for detector in self.detectors:
            if (detector.kind not in ("email", "pix_key") and not detector.wordy and not digits
                    and not (detector.short and some_digit)):
                continue
            if not detector.needs(lowered):
                continue
            for match in self._candidates(detector, text):
                spans = _accepted_spans(detector, match, text, taken)
                if not spans:
                    continue
                for start, end in spans:
                    taken.add(start, end)
                    # the business's own contact or CNPJ, where its passages publish it, is claimed but stays
                    if not (published and detector.kind in _PUBLISHABLE and text[start:end] in published):
                        findings.append(Finding(self.name, detector.kind, start, end, blocks=False, redact=True))
                if len(findings) > self.max_findings:
                    return [Finding(self.name, "pii_flood", 0, len(text), blocks=True, redact=False,
                                    detail=f"more than {self.max_findings} personal data items")]
        return findings

    def _candidates(self, detector: Detector, text: str) -> Iterator[re.Match[str]]:
        # Bounded: a hostile text full of digit runs cannot make validation run forever.
        return itertools.islice(detector.pattern.finditer(text), self.max_findings * 4)


_REDACTOR = PiiCheck()


def redact(text: str) -> tuple[str, list[str]]:
    """The text with personal data replaced by [kind], and the kinds found (for
    what is stored or handed on outside a reply, such as a hand-off transcript).
    A text too long or too full of personal data to scan is withheld whole."""
    findings = _REDACTOR.scan(text, GuardContext(stage="output"))
    kinds = sorted({f.kind for f in findings})
    if any(f.blocks for f in findings):
        return "[redacted]", kinds
    return apply_redactions(text, findings), kinds
