"""Personal data typed in odd shapes (issue 16 item 4): fullwidth digits, line breaks and dictated
words inside a number, mistyped check digits where the text names the document, cards split by dots,
old 8-digit mobiles, digits one by one, accented e-mails, Pix keys without hyphens and Pix "copia e
cola" codes; and the look-alikes that must stay."""

from __future__ import annotations

import pytest

from atende_guardrails.base import GuardContext
from atende_guardrails.eval.build_pii_probe import cnpj, cpf, luhn
from atende_guardrails.eval.build_pii_probe3 import copia_e_cola, wide
from atende_guardrails.pii import PiiCheck, redact

OUTPUT = GuardContext(stage="output")

DOC = cpf("815304926")
CARD = luhn("523840019276431")
COMPANY = cnpj("482617390001")


def _gone(text: str, value: str) -> bool:
    redacted, _ = redact(text)
    return value not in redacted and redacted != text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"cpf {wide(DOC)}", wide(DOC)),
        (f"meu cpf: {DOC[:3]}.{DOC[3:6]}.\n{DOC[6:9]}-{DOC[9:]}", f"{DOC[:3]}.{DOC[3:6]}.\n{DOC[6:9]}-{DOC[9:]}"),
        (f"o cpf é {DOC[:3]}.{DOC[3:6]}.{DOC[6:9]} traço {DOC[9:]}", f"{DOC[:3]}.{DOC[3:6]}.{DOC[6:9]} traço {DOC[9:]}"),
        ("Tax ID: " + DOC, DOC),
        (f"cartão {CARD[:4]}.{CARD[4:8]}.{CARD[8:12]}.{CARD[12:]}", f"{CARD[:4]}.{CARD[4:8]}.{CARD[8:12]}.{CARD[12:]}"),
        (f"cartao {' - '.join((CARD[:4], CARD[4:8], CARD[8:12], CARD[12:]))}",
         " - ".join((CARD[:4], CARD[4:8], CARD[8:12], CARD[12:]))),
        (f"cartão de crédito:\n{CARD[:8]}\n{CARD[8:]}", f"{CARD[:8]}\n{CARD[8:]}"),
        ("meu whats ainda é o antigo (21) 8765-4302", "(21) 8765-4302"),
        ("meu número é 2 1 9 8 7 6 5 4 3 0 1", "2 1 9 8 7 6 5 4 3 0 1"),
        ("celular 21 9 8765 traço 4300", "21 9 8765 traço 4300"),
        ("email: joão.ribeiro@gmail.com", "joão.ribeiro@gmail.com"),
        ("email lia.m@hotmail,com", "lia.m@hotmail,com"),
        ("email lia.m@gmail. com", "lia.m@gmail. com"),
        (wide("ana.k@gmail.com"), wide("ana.k@gmail.com")),
        ("chave pix 3b9f0c2d71e84a6fb2c51d7e9a0f4c88", "3b9f0c2d71e84a6fb2c51d7e9a0f4c88"),
        ("chave: 3b9f0c2d 71e8 4a6f b2c5 1d7e9a0f4c88", "3b9f0c2d 71e8 4a6f b2c5 1d7e9a0f4c88"),
        ("cep 86 010-200", "86 010-200"),
        ("CEP86010-200", "86010-200"),
        # the word and its digits a clause apart (PII probe 15, tune part)
        ("o cep da minha casa mudou pra 86010 200", "86010 200"),
        (f"o link é https://loja.exemplo.com.br/clientes/{DOC}/faturas", DOC),
        ("abri https://viacep.com.br/ws/86010200/json/ e veio outra rua", "86010200"),
    ],
)
def test_odd_shapes_are_redacted_whole(text: str, value: str) -> None:
    assert _gone(text, value), redact(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Paciente: Lia Brandão\nRG 31.472\n.905-3\nConvênio: particular", "31.472\n.905-3"),
        ("meu email é lia.\nbrandao@uol.com.br", "lia.\nbrandao@uol.com.br"),
        ("devolve no pix3b9f0c2d71e84a6fb2c51d7e9a0f4c88 pfv", "3b9f0c2d71e84a6fb2c51d7e9a0f4c88"),
        # glued to its word, named in the sentence before, or given for the invoice (PII probe 8, 2026-12-06)
        ("me chama no zap21988776655 pfv", "21988776655"),
        ("pra vacinar precisa de RG? o meu é 2006789013, Fortaleza", "2006789013"),
        (f"Dados pra nota:\n{COMPANY}\nRua das Palmeiras, 80", COMPANY),
        # a CEP bare at the end of an address or after a location pin, a key wrapped or glued (PII probe 9)
        ("entrega na rua das flores 88 centro maceio al 57020050", "57020050"),
        ("\U0001F4CD 60160230 Fortaleza, quanto fica o frete?", "60160230"),
        ("a chave: 7c0e2f1a9b3d4c58\n9e1f2a3b4c5d6e7f", "7c0e2f1a9b3d4c58\n9e1f2a3b4c5d6e7f"),
        ("paga no pix7c0e2f1a-9b3d-4c58-9e1f-2a3b4c5d6e7f obg", "7c0e2f1a-9b3d-4c58-9e1f-2a3b4c5d6e7f"),
        # an e-mail's name wrapped before its @, a CEP before its city or state (PII probe 10, 2026-12-06, third session)
        ("manda pro email lia.brandao\n@uol.com.br que eu vejo", "lia.brandao\n@uol.com.br"),
        ("57020050 - Maceió, vcs atendem?", "57020050"),
        ("entrega: 30140071, BH MG", "30140071"),
        # glued to the next word, dictated in words, wrapped after the @ or the hyphen, named after (PII probe 11)
        (f"segue o cpf {DOC}tb, quero ver a multa", DOC),
        ("meu whats e quatro tres nove nove oito sete seis cinco quatro tres dois pode chamar",
         "quatro tres nove nove oito sete seis cinco quatro tres dois"),
        ("email: lia.brandao@\nuol.com.br", "lia.brandao@\nuol.com.br"),
        ("You can reach me at lia.brandao at uol dot com dot br, thanks", "lia.brandao at uol dot com dot br"),
        ("cep 86010-\n200 obrigado", "86010-\n200"),
        ("86010200 é o cep da obra", "86010200"),
        # a long gap after the word, commas and slashes for separators, underscores, a key wrapped at a hyphen or
        # glued to the next word, a city before a bare CEP, dictated digits, foreign numbers (PII probe 12)
        (f"informo meu CPF para a emissão do contrato: {DOC[:3]}.{DOC[3:6]}.\n{DOC[6:9]}-{DOC[9:]}",
         f"{DOC[:3]}.{DOC[3:6]}.\n{DOC[6:9]}-{DOC[9:]}"),
        ("RG 52,318,447-9 SSP SP", "52,318,447-9"),
        ("cep 86,010-200 londrina", "86,010-200"),
        ("cep 86010/200 centro", "86010/200"),
        ("telefone 43_99812_0082", "43_99812_0082"),
        ("chave pix 7c0e2f1a-9b3d-4c58\n-9e1f-2a3b4c5d6e7f", "7c0e2f1a-9b3d-4c58\n-9e1f-2a3b4c5d6e7f"),
        ("a chave é 7c0e2f1a-9b\n3d-4c58-9e1f-2a3b4c5d6e7f", "7c0e2f1a-9b\n3d-4c58-9e1f-2a3b4c5d6e7f"),
        ("pix 7c0e2f1a-9b3d-4c58-9e1f-2a3b4c5d6e7fvaleu", "7c0e2f1a-9b3d-4c58-9e1f-2a3b4c5d6e7f"),
        ("Londrina 86010200, perto da catedral", "86010200"),
        ("meu cpf é " + " ".join(["zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove"][int(d)]
                                  for d in DOC) + " obrigado",
         " ".join(["zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove"][int(d)] for d in DOC)),
        ("o cep é oito seis zero um zero dois zero zero", "oito seis zero um zero dois zero zero"),
        ("meu fixo em Lisboa é 00351 213 456 789", "00351 213 456 789"),
        ("my US number is 1-415-555-0198", "1-415-555-0198"),
    ],
)
def test_a_value_wrapped_or_glued_is_redacted_in_every_piece(text: str, value: str) -> None:
    # As a narrow screen or a hurry leaves them (PII probe 7, 2026-12-06): each line of the value goes, not only
    # the one a detector reads alone.
    redacted, _ = redact(text)
    assert not any(piece.strip(".") in redacted for piece in value.split("\n")), redacted


def test_a_number_after_a_state_is_a_cep_only_when_its_digits_are_that_states() -> None:
    # "SP 12345678" after "pedido" is the order; "CE 12345678" is no Ceará CEP (those start 60 to 63).
    for text in ("pedido SP 12345678 enviado", "Fortaleza-CE, 12345678", "se 12345678 nao chegar",
                 # nor before one: a city whose state's CEPs start otherwise, the order named before, a lower-case "se"
                 "12345678 - Recife", "pedido 01310100 - SP", "49010390 se quiser eu mando"):
        assert redact(text)[0] == text


def test_the_number_of_an_invoice_is_no_company() -> None:
    # "nota: <14 digits>" is the invoice's own number, whatever its digits: only "pra nota" gives data for it.
    assert redact(f"nota: {COMPANY}")[0] == f"nota: {COMPANY}"


def test_a_mistyped_document_the_text_names_is_still_redacted() -> None:
    mistyped_cpf = DOC[:-1] + str((int(DOC[-1]) + 1) % 10)
    mistyped_card = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    assert _gone(f"meu cpf é {mistyped_cpf}", mistyped_cpf)
    assert _gone(f"meu cartão {mistyped_card}", mistyped_card)
    # without a word naming it, a number whose check fails is not claimed
    assert redact(f"a etiqueta diz {mistyped_cpf[:3]}.{mistyped_cpf[3:6]}.{mistyped_cpf[6:9]}-{mistyped_cpf[9:]}")[1] == []
    # nor the number people write as an example, nor one a word names as something else
    assert redact("o CPF 123.456.789-00 é só um exemplo do formato")[1] == []
    assert redact("cpf ok, protocolo 20260512004")[1] == []
    # a count of times said between the word and the digits (probe 14): "ja mandei o cpf 3x!!! <digits>"
    assert _gone(f"ja mandei o cpf 2x!!! {mistyped_cpf} 😡", mistyped_cpf)
    mistyped_company = f"{COMPANY[:-1]}{(int(COMPANY[-1]) + 1) % 10}"
    assert _gone(f"o cnpj pela 3a vez: {mistyped_company}", mistyped_company)
    assert redact("cpf ok, 2x o pedido 20260512004")[1] == []


def test_a_pix_copia_e_cola_code_goes_whole() -> None:
    code = copia_e_cola("9c1e5b7a-2d4f-4a83-b6e0-5f2a8c9d1e37", "RENATA LOPES", "UMUARAMA", "75.00")
    redacted, kinds = redact(f"segue o copia e cola {code} obrigada")
    assert redacted == "segue o copia e cola [pix_key] obrigada" and kinds == ["pix_key"]


def test_values_side_by_side_are_not_joined() -> None:
    text = f"{DOC[:3]}.{DOC[3:6]}.{DOC[6:9]}-{DOC[9:]} {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]} (11) 98765-4321 "
    assert [f.kind for f in PiiCheck().scan(text * 2, OUTPUT)] == ["card", "card", "cpf", "cpf", "phone", "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "pedido 12345-678 veio sem o cabo",
        "me ligue dia 25/05/2026 depois das 14h",
        "liga amanhã 25.05.2026 de manhã",
        "meu número de cliente é 44012235",
        "cartão final 4821, vence 12/28",
        "paguei no cartão 10x de R$ 2.499,00",
        "hash do arquivo d41d8cd98f00b204e9800998ecf8427e",
        "fala com cópia pro financeiro, com prazo até 12/06",
        "o inversor liga às 06:12 e desliga 18:40",
        "https://loja.exemplo.com.br/pedido/44712093/itens",
        "https://blog.exemplo.com.br/2026/05/12/economia-de-energia",
        # a phone's IMEI passes Luhn like a card (PII probe 12)
        "IMEI 1: 862046532061132 / IMEI 2 não informado",
        # a capital O is the article beside a number, or a letter of a word (PII probe 13)
        "pedido 12345 O produto chegou quebrado",
        "o CO2 que o sistema evita: 1200 kg por ano",
        "cabo RG59 100 metros pra antena",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == (text, [])


def test_the_word_com_after_an_address_stays() -> None:
    assert redact("manda pra lia.m@gmail.com, com cópia pro financeiro") == (
        "manda pra [email], com cópia pro financeiro", ["email"])


@pytest.mark.parametrize(
    "text",
    [
        # a capital O typed for a zero (PII probe 13)
        f"cpf: {DOC[:3]}.{DOC[3:6]}.{DOC[6:9]}-{DOC[9:]}".replace("0", "O") + " confere ai",
        f"cartao {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:]}".replace("0", "O"),
        "whats (11)9O876-5432 a tarde",
        # an RG glued to its word, a CPF dictated with its hyphen said aloud
        "rg48120395 pro cadastro",
    ],
)
def test_zeros_typed_as_os_and_glued_rg_are_redacted(text: str) -> None:
    redacted, kinds = redact(text)
    assert kinds and redacted != text, text


def test_a_cpf_dictated_with_its_hyphen_said_aloud() -> None:
    words = "zero um dois tres quatro cinco seis sete oito nove".split()
    spoken = " ".join(words[int(d)] for d in DOC[:3]) + ", " + " ".join(words[int(d)] for d in DOC[3:6]) + ", " + \
        " ".join(words[int(d)] for d in DOC[6:9]) + ", traço " + " ".join(words[int(d)] for d in DOC[9:])
    assert redact(f"meu cpf e {spoken}") == ("meu cpf e [cpf]", ["cpf"])
