"""A question that asks for a kind of value (a weight, a phone number, a closing time)
gets first the document that holds it, ahead of the one that only talks about the same
product or channel (knowledge_svc/ranking.py prefer_values). An invented shop, with
the real encoder and Milvus Lite of the session's server."""

from __future__ import annotations

import pytest
from knowledge_helpers import Service, document_ids, ingest_plain

from atende_guardrails.asking import CLOCK, PHONE, WEIGHT, named_kinds
from knowledge_svc.ranking import VALUE_BONUS, VALUE_HEAD, prefer_values

SHOP = {
    "bike": ("Bicicleta elétrica Urbana E2",
             "A Urbana E2 é a bicicleta elétrica mais vendida da loja para quem pedala na cidade: quadro de alumínio "
             "leve, motor no cubo traseiro e bateria removível. Sobe ladeiras sem esforço e vem em verde ou cinza."),
    "specs": ("Ficha técnica",
              "Urbana E2, dados técnicos\n\n- Peso: 21 kg com a bateria\n- Autonomia: até 60 km por carga\n"
              "- Aro 29 e freio a disco"),
    "support": ("Atendimento ao cliente",
                "Atendimento pelo WhatsApp da Pedal Norte: tire dúvidas, acompanhe a entrega e agende revisões com "
                "pessoas da equipe, sem robôs."),
    "contacts": ("Contatos", "Fale com a Pedal Norte\n\nWhatsApp e telefone: (31) 98877-6655\n"
                             "E-mail: oi@pedalnorte.com.br"),
    "store": ("Nossa loja",
              "A loja da Pedal Norte fica aberta para test-drive dos modelos elétricos; fica no centro, com "
              "estacionamento para bicicletas."),
    "hours": ("Funcionamento", "A loja abre de segunda a sexta das 9h às 19h e aos sábados das 9h às 13h."),
}


@pytest.fixture
async def shop(service: Service, unique_name: str) -> str:
    return await ingest_plain(service, unique_name, SHOP)


@pytest.mark.parametrize(
    ("question", "holder", "talker"),
    [
        ("qnto pesa a urbana e2?", "specs", "bike"),
        ("how much does the Urbana E2 weigh?", "specs", "bike"),
        ("qual o telefone da loja?", "contacts", "store"),
        ("qual o whatsapp de vcs?", "contacts", "support"),
        ("ate que horas a loja fica aberta?", "hours", "store"),
    ],
)
async def test_the_document_holding_the_value_asked_for_comes_first(
    service: Service, shop: str, question: str, holder: str, talker: str
) -> None:
    found = await document_ids(service, shop, question)
    assert found[0] == holder
    assert talker in found  # the other document still comes back, after it


@pytest.mark.parametrize(
    ("question", "wanted"),
    [("a urbana e2 sobe ladeira?", "bike"), ("posso testar a bike na loja?", "store")],
)
async def test_a_question_asking_for_no_value_keeps_its_document_first(
    service: Service, shop: str, question: str, wanted: str
) -> None:
    assert (await document_ids(service, shop, question))[0] == wanted


def test_the_kind_of_value_read_from_a_question() -> None:
    assert named_kinds("quanto pesa a bike?") == (WEIGHT,)
    assert PHONE in named_kinds("qual o numero do whatsapp de voces?")
    assert CLOCK in named_kinds("que horario voces abrem?")
    # Naming the channel is not asking for its number.
    assert named_kinds("voces atendem por robo no whatsapp?") == ()
    assert named_kinds("a bike sobe ladeira?") == ()


def test_only_the_first_passages_are_reordered() -> None:
    hits = [("a", "bike leve e bonita", 0.50), ("b", "peso 21 kg", 0.45)]
    hits += [(f"x{i}", "sem numero", 0.40 - i / 100) for i in range(VALUE_HEAD - 2)]
    hits += [("deep", "peso 30 kg", 0.30)]
    ranked = prefer_values(hits, (WEIGHT,), lambda hit: hit[1], lambda hit: hit[2])
    assert [hit[0] for hit, _ in ranked][:2] == ["b", "a"]
    assert ranked[0][1] == pytest.approx(0.45 + VALUE_BONUS)
    assert ranked[-1][0][0] == "deep"  # below the head: never lifted into the first passages
    assert [hit[0] for hit, _ in prefer_values(hits, (), lambda hit: hit[1], lambda hit: hit[2])] == [
        hit[0] for hit in hits]
