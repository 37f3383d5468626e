"""The hybrid routing strategy (examples, domain-general cues, the conversation),
the informal-Portuguese normalisation, a second business configured by its
examples file alone, and the blind dev sets against their thresholds."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.kept_vectors import default_folder
from router_svc.eval import evalsets
from router_svc.routing import (
    Cascade,
    ExampleSet,
    HybridClassifier,
    LabelSpec,
    LlmClassifier,
    Router,
    RoutingPolicy,
    load_cues,
    load_intents,
)
from router_svc.routing.factory import build_router
from router_svc.routing.normalize import folded, plain
from router_svc.settings import RULES_DIR, Settings


@pytest.fixture(scope="module")
def router(encoder: UsemEncoder) -> Router:
    # The examples' vectors kept where the service keeps them (atende_guardrails/kept_vectors.py): the same vectors,
    # read instead of encoded again for every module.
    hybrid = HybridClassifier(encoder, ExampleSet.load(RULES_DIR / "examples.toml"), load_cues(RULES_DIR / "cues.toml"),
                              vector_folder=default_folder())
    hybrid.start_sync()
    return Router(hybrid, RoutingPolicy())


def test_informal_portuguese_is_spelled_out() -> None:
    assert plain("qto custa pra instalar? vcs parcelam?? kkkk 👍") == "quanto custa para instalar? vocês parcelam?? ok"
    assert folded("n ta funcionandooo") == "nao esta funcionando"
    assert plain("how much to go solar") == "how much to go solar"  # English "to" stays
    assert plain("my inverter doesnt work and i cant log in") == "my inverter doesn't work and i can't log in"
    assert plain("qdo vcs vem? ctz?") == "quando vocês vem? certeza?"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("ta vazando agua no teto bem onde vcs colocaram os equipamentos", "support"),
        ("a parcela do meu financiamento veio cobrada duas vezes", "support"),
        ("I was billed twice for the installment this month", "support"),
        ("quero comprar o modelo maior, como faço?", "sales"),
        ("funciona com rede trifásica?", "product"),
    ],
)
async def test_a_clear_request_always_names_an_agent(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route")


async def test_a_vague_message_gets_a_clarifying_question(router: Router) -> None:
    assert (await router.route("tenho uma dúvida sobre a fatura", "")).clarify


async def test_follow_ups_keep_the_agent_and_a_new_topic_moves_it(router: Router) -> None:
    history = ("meu inversor está desligando sozinho",)
    assert (await router.route("e agora?", "support", history)).agent == "support"
    moved = await router.route("ok, e quanto custa uma bateria nova pra comprar?", "support", history)
    assert moved.agent == "sales" and moved.handoff_from == "support"
    thanks = await router.route("valeu!", "sales", history)
    assert thanks.agent == "sales" and thanks.intent == "thanks"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("vcs consertam bicicleta?", "out_of_scope"),  # nothing the business's words name, no request cue
        ("me indica um bom dentista", "out_of_scope"),
        ("o aurora x5 tem wifi?", "product"),  # an unknown product named by its code is not out of scope
        ("a luminar 300 aguenta chuva forte?", "product"),
    ],
)
async def test_out_of_scope_is_what_the_business_has_no_words_for(router: Router, text: str, label: str) -> None:
    decision = await router.route(text, "")
    got = "out_of_scope" if decision.clarify and decision.intent == "out_of_scope" else decision.agent
    assert got == label, decision


def test_the_business_vocabulary_counts_its_words_and_model_codes(router: Router) -> None:
    hybrid = router.strategy
    assert isinstance(hybrid, HybridClassifier)
    assert hybrid.domain_words(folded("qual a potencia do inversor?")) == (2, 2)
    assert hybrid.domain_words(folded("quem ganhou o jogo ontem")) == (3, 0)
    assert hybrid.domain_words(folded("tem o modelo xr-550 ai?")) == (2, 2)


async def test_a_self_standing_question_changes_the_topic_and_a_pointer_back_does_not(router: Router) -> None:
    history = ("fui cobrado duas vezes na fatura desse mês",)
    moved = await router.route("ah, e o aplicativo mostra quanto eu economizei em reais?", "support", history)
    assert moved.agent == "product" and moved.handoff_from == "support"
    kept = await router.route("e o outro?", "support", history)
    assert kept.agent == "support"


async def test_price_questions_and_bill_complaints(router: Router) -> None:
    assert (await router.route("qto sai o kit de 6 kwp instalado?", "")).agent == "sales"
    assert (await router.route("as parcelas do financiamento vieram com valor maior", "")).agent == "support"


async def test_a_second_business_is_configured_by_its_examples_file(
    encoder: UsemEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROUTER_ROUTING_EXAMPLES", str(evalsets.EVALS / "vetorfibra" / "routing_examples.toml"))
    settings = Settings()
    assert settings.routing_examples.name == "routing_examples.toml"
    router = build_router(settings, encoder, None)
    await router.start()
    assert "plans_pricing" in router.kinds()
    assert (await router.route("minha fibra caiu de novo, ta sem sinal desde cedo", "")).agent == "support"


@pytest.mark.parametrize(
    "text",
    [
        "Gostaria de entender se o aplicativo de vocês mostra a produção de cada placa separadamente e que dados ele traz",
        "we moved into a house that already has your panels and I would like to know what we should look after",
    ],
)
async def test_a_request_in_a_sentence_of_its_own_is_answered_by_an_agent(router: Router, text: str) -> None:
    decision = await router.route(text, "")
    assert decision.action == "route" and decision.agent in {"sales", "support", "product"}, decision


@pytest.mark.parametrize("text", ["preciso de ajuda", "tenho uma pergunta", "I need help please", "oi, tenho uma duvida",
                                  "I have a question about my panels", "a bateria"])
async def test_a_bare_call_for_help_gets_a_clarifying_question(router: Router, text: str) -> None:
    decision = await router.route(text, "")
    assert decision.clarify and decision.agent == "", decision


async def test_after_a_greeting_a_vague_message_is_asked_back_and_a_request_is_routed(router: Router) -> None:
    # "oi" got the default agent; the first real message decides.
    asked = await router.route("preciso de ajuda com o meu sistema", "sales", ("oi, boa tarde",))
    assert asked.clarify and asked.agent == "", asked
    routed = await router.route("meu inversor ta apitando sem parar", "sales", ("oi, boa tarde",))
    assert routed.agent == "support" and routed.handoff_from == "sales"


async def test_a_closing_remark_is_small_talk_and_an_acknowledged_request_is_not(router: Router) -> None:
    history = ("quanto custa o kit de 5 kwp?",)
    for text in ("blz, vou ver com minha esposa e te falo", "entendi, muito obrigada pela explicação"):
        closing = await router.route(text, "sales", history)
        assert closing.agent == "sales" and closing.strategy == "sticky", closing
        assert closing.intent in {"thanks", "goodbye", "greeting"}, closing
    request = await router.route("beleza, manda a proposta", "sales", history)
    assert request.agent == "sales" and request.intent not in {"thanks", "goodbye", "greeting"}, request
    waiting = await router.route("blz, aguardo o estorno entao", "support", ("fui cobrado duas vezes",))
    assert waiting.agent == "support" and waiting.intent in {"thanks", "goodbye", "greeting"}, waiting
    still = await router.route("ok, mas continua igual", "support", ("meu inversor ta com erro",))
    assert still.agent == "support" and still.intent not in {"thanks", "goodbye", "greeting"}, still


async def test_a_named_topic_with_a_stated_complaint_is_not_asked_back(router: Router) -> None:
    decision = await router.route("tenho uma duvida sobre a parcela que veio a mais", "")
    assert (decision.agent, decision.action) == ("support", "route"), decision


async def test_a_cost_or_time_question_stays_with_support_and_moves_a_product_conversation(router: Router) -> None:
    moving = ("o inversor parou e preciso que alguém venha ver", "já desliguei e liguei de novo")
    assert (await router.route("tem custo a visita?", "support", moving)).agent == "support"
    assert (await router.route("quanto tempo demora pra alguém vir?", "support", moving)).agent == "support"
    assert (await router.route("quero o reembolso da visita", "support", moving)).agent == "support"
    asking = ("a bateria de lítio funciona com inversor híbrido?",)
    moved = await router.route("e quanto custa?", "product", asking)
    assert moved.agent == "sales" and moved.handoff_from == "product"


async def test_a_new_subject_is_read_on_its_own(router: Router) -> None:
    history = ("o técnico não apareceu hoje", "era pra vir às 9h")
    moved = await router.route("outra coisa, a bateria funciona com inversor on-grid?", "support", history)
    assert moved.agent == "product" and moved.handoff_from == "support"
    moved = await router.route("btw does the app show how much I'm saving?", "support", ("I was charged twice",))
    assert moved.agent == "product"


async def test_a_follow_up_keeps_the_topic_of_the_last_requests(router: Router) -> None:
    history = ("cadê meu pedido? paguei faz 10 dias", "o número é 5521")
    assert (await router.route("em quantos dias chega?", "support", history)).agent == "support"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("o kit de 5 kwp tem monitoramento incluso?", "product"),  # a feature of a thing on sale, no word of buying
        ("pode reservar o kit de 8 kwp pra mim?", "sales"),
        ("to querendo o carregador veicular, como faço o pagamento?", "sales"),
        ("o valor do kit subiu depois que eu fechei, veio diferente na nota", "support"),
        ("paguei a entrada no pix e vcs nao deram baixa", "support"),
        ("my neighbour's tree shades the panels and production dropped", "support"),
        ("what if the battery dies during a blackout?", "product"),  # a case asked about, not a fault
    ],
)
async def test_what_a_message_asks_outweighs_the_things_it_names(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route"), decision


def test_the_blind_dev_sets_reach_their_thresholds(encoder: UsemEncoder) -> None:
    scores = evalsets.evaluate(tuple(evalsets.BUSINESSES), ("dev",), encoder=encoder)
    assert len(scores) == 4
    assert evalsets.below_thresholds(scores) == []


class _Classify:
    def __init__(self, answer: tuple[str, float]) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str, list[str]]] = []

    async def classify(self, text: str, history: object, labels: list[LabelSpec], current_agent: str) -> tuple[str, float]:
        self.calls.append((text, current_agent, [x.name for x in labels]))
        return self.answer


async def test_the_llm_strategy_uses_structured_classification(router: Router) -> None:
    intents = load_intents(RULES_DIR / "examples.toml")
    port = _Classify(("technical_problem", 0.93))
    llm = LlmClassifier(port, intents, {"technical_problem": ["O inversor apita"]})
    hybrid = router.strategy
    cascade = Router(Cascade([hybrid, llm], 0.99), RoutingPolicy())
    decision = await cascade.route("isso aqui de novo", "sales", ("meu inversor apita",))
    assert decision.agent == "support" and decision.strategy == "llm"
    assert port.calls[0][1] == "sales" and "technical_problem" in port.calls[0][2]
    # Malformed output (a label the business does not have): the hybrid's answer stands.
    broken = Router(Cascade([hybrid, LlmClassifier(_Classify(("astrology", 0.9)), intents, {})], 0.99), RoutingPolicy())
    kept = await broken.route("quero comprar o kit, qto fica?", "")
    assert kept.agent == "sales" and kept.strategy == "hybrid"


def test_chat_shorthand_doubled_vowels_and_slashes_are_spelled_out() -> None:
    assert folded("qria 2 baterias p/ casa c/ instalação") == "queria 2 baterias para casa com instalacao"
    assert folded("bom diaa, quero um orçamentoo") == "bom dia, quero um orcamento"
    assert folded("oii vlw") == "oi valeu"
    # Shorthand that means one thing in Portuguese and another in English stays apart.
    assert folded("a net ta lenta, me chama no whats") == "a internet esta lenta, me chama no whatsapp"
    assert folded("whats the price w/ battery") == "what's the price with battery"
    assert folded("how do net metering credits work") == "how do net metering credits work"
    assert folded("it is free, too") == "it is free, too"  # real English double vowels are kept


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # A complaint about what the customer already pays goes to support, even naming the financing.
        ("o financiamento veio com juros maior do q me falaram", "support"),
        ("paguei o pix da parcela e ainda ta como pendente", "support"),
        ("the financing company says my payment is overdue but i paid", "support"),
        ("minha parcela desse mes veio dobrada, oq aconteceu?", "support"),
        ("Where can I download the invoice for my purchase?", "support"),
        # Buying a thing named by its model is a sale, not a question about the thing.
        ("how do i order the lithium battery??", "sales"),
        ("vcs vendem so o painel sem instalacao? quero 4", "sales"),
        ("qria comprar 2 baterias de litio, como faço", "sales"),
        # What a thing yields is a product question, not its price.
        ("o kit de 5kwp gera qto por mes mais ou menos", "product"),
    ],
)
async def test_payment_complaints_purchases_and_output_questions(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route"), decision


@pytest.mark.parametrize("text", ["me ajuda a escolher o kit", "preciso de ajuda com o boleto atrasado"])
async def test_a_call_for_help_that_names_the_request_gets_an_agent(router: Router, text: str) -> None:
    decision = await router.route(text, "")
    assert decision.action == "route" and decision.agent in {"sales", "support", "product"}, decision


@pytest.mark.parametrize("text", ["onde eu tiro a segunda via da minha CNH?", "preciso renovar meu passaporte"])
async def test_a_citizens_documents_are_out_of_scope(router: Router, text: str) -> None:
    decision = await router.route(text, "")
    assert decision.clarify and decision.intent == "out_of_scope", decision
    # ... while the second copy of the business's own bill is support.
    assert (await router.route("preciso da segunda via do boleto", "")).agent == "support"


def test_the_business_vocabulary_wins_over_an_out_of_scope_example(router: Router) -> None:
    hybrid = router.strategy
    assert isinstance(hybrid, HybridClassifier)
    # "conta" is in an out-of-scope example ("conta de água") and in the vocabulary ("conta de luz").
    assert hybrid.domain_words(folded("quero zerar minha conta")) == (2, 1)


async def test_a_follow_up_about_the_customers_own_case_stays(router: Router) -> None:
    repair = ("meu inversor ta apitando sem parar", "ja desliguei e liguei de novo")
    assert (await router.route("quanto tempo pra vir um tecnico?", "support", repair)).agent == "support"
    returning = ("quero devolver a bateria, veio com defeito", "o pedido é 4410")
    assert (await router.route("e a bateria eu levo ou vcs buscam aqui?", "support", returning)).agent == "support"
    # "also, ..." opens a new subject, read on its own.
    moved = await router.route("also, does the 5 kwp kit include the mounting rails?", "support", ("my order is late",))
    assert moved.agent == "product" and moved.handoff_from == "support"


def test_a_cue_matches_a_message_exactly_when_one_of_its_patterns_does() -> None:
    # Cue.matches scans once with the patterns joined; it must say what each one says.
    import re

    from router_svc.routing.hybrid import Cue, load_cues

    cues = load_cues(Settings().routing_cues)
    messages = ["quero comprar 2 kits", "meu inversor ta dando erro", "qto custa a instalação?",
                "vcs parcelam no cartao?", "what's the warranty on the panels", "oi", "",
                "me ajuda a escolher um kit", "a fatura veio com juros", "RG e CNH servem?"]
    for cue in cues:
        for message in messages:
            assert cue.matches(message) == any(p.search(message) for p in cue.patterns), (cue.name, message)
    assert any(cue.matches(m) for cue in cues for m in messages)
    flagged = Cue("x", "sales", 1.0, (re.compile("comprar", re.IGNORECASE),))
    assert flagged.matches("COMPRAR")  # a pattern with flags of its own is not joined, still matched


def test_words_run_together_in_chat_are_spelled_out() -> None:
    assert folded("cobraram mais doq o combinado") == "cobraram mais do que o combinado"
    assert folded("oque vcs acham? nn sei") == "o que voces acham? nao sei"
    assert folded("cmo eu faco amnh") == "como eu faco amanha"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("o carregador pifou de vez", "support"),
        ("deu pau no monitoramento, so aparece tela branca", "support"),
        ("my battery is acting up since the weekend", "support"),
        ("a mensalidade veio maior doq o contrato", "support"),
        ("quero instalar umas placas no meu restaurante", "sales"),
    ],
)
async def test_chat_slang_for_a_fault_and_wanting_it_installed(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route")


async def test_a_time_of_day_in_a_follow_up_is_a_question_not_a_greeting(router: Router) -> None:
    history = ("o painel gera quando ta nublado?",)
    decision = await router.route("e de noite?", "product", history)
    assert decision.agent == "product" and decision.intent != "greeting"
    assert (await router.route("boa noite!", "product", history)).intent in ("greeting", "goodbye")


async def test_adding_a_thing_to_a_purchase_moves_a_product_conversation_to_sales(router: Router) -> None:
    history = ("quanto tempo leva pra recuperar o investimento?",)
    assert (await router.route("e se eu quiser o kit maior?", "product", history)).agent == "sales"
    # ... but wanting to act on one's own case does not.
    support = ("meu kit chegou com a caixa amassada",)
    assert (await router.route("e se eu quiser cancelar?", "support", support)).agent == "support"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("a concessionaria ate hoje nao vistoriou, ja faz tres semanas", "support"),
        ("the crew still hasn't finished the wiring", "support"),
        ("vcs ficaram de me ligar semana passada sobre a ligacao do sistema", "support"),
        ("gostei da bateria de 5kwh, me passa o link de pagamento?", "sales"),
    ],
)
async def test_what_is_overdue_is_a_case_and_a_payment_link_is_a_purchase(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route")


@pytest.mark.parametrize("text", ["vcs tao contratando? sou eletricista", "where can I send my CV for a job opening?"])
async def test_asking_for_a_job_is_out_of_scope(router: Router, text: str) -> None:
    decision = await router.route(text, "")
    assert decision.clarify and decision.intent == "out_of_scope"


async def test_the_warranty_asked_as_a_follow_up_is_a_product_term_unless_it_is_the_customers_case(router: Router) -> None:
    sales = ("quanto sai a bateria de 10kwh instalada?",)
    assert (await router.route("e a garantia dela?", "sales", sales)).agent == "product"
    support = ("o inversor que vcs instalaram desligou e nao volta",)
    assert (await router.route("e a garantia?", "support", support)).agent == "support"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("bateria mostrando F-07 desde cedo", "support"),
        ("a mensalidade do monitoramento que pago com voces veio cobrando multa por atraso, mas paguei em dia", "support"),
        ("I paid on time and still got a late fee on the financing", "support"),
        ("qual a potencia do painel de 550w?", "product"),
    ],
)
async def test_an_error_code_and_a_late_fee_on_a_paid_bill_are_cases(router: Router, text: str, agent: str) -> None:
    decision = await router.route(text, "")
    assert (decision.agent, decision.action) == (agent, "route")


def test_a_route_scans_each_cue_at_most_once_and_answers_as_the_cue_does() -> None:
    # A route asks about the same message two or three times (the change of topic, the
    # log-odds, the vague-topic check): CueMatches keeps each cue's first answer.
    from router_svc.routing.hybrid import CueMatches, load_cues

    scans: list[str] = []

    class Counted:
        def __init__(self, cue: object) -> None:
            self.cue = cue

        def matches(self, text: str) -> bool:
            scans.append(text)
            return self.cue.matches(text)  # type: ignore[attr-defined, no-any-return]

    cues = load_cues(Settings().routing_cues)
    for message in ("quero comprar 2 kits", "meu inversor ta dando erro", "oi"):
        scans.clear()
        counted = [Counted(c) for c in cues]
        matches = CueMatches(message)
        first = [matches(c) for c in counted]  # type: ignore[arg-type]
        again = [matches(c) for c in counted]  # type: ignore[arg-type]
        assert first == again == [c.matches(message) for c in cues]
        assert len(scans) == len(cues)


async def test_a_message_nearly_an_out_of_scope_example_is_out_of_scope_despite_a_price_word(router: Router) -> None:
    # "quanto ta" is a price question to the cues, but the message is all but the example "Quanto está o euro?".
    decision = await router.route("quanto ta o euro hoje?", "")
    assert decision.clarify and decision.intent == "out_of_scope", decision
    # The business's own price, or a purchase that also names the currency, is still a sale.
    assert (await router.route("quanto ta o kit de 5 kwp hoje?", "")).agent == "sales"
    assert (await router.route("what's the euro rate? I want to buy a kit", "")).agent == "sales"
