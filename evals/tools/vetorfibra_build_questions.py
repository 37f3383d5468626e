"""Writes evals/vetorfibra/questions.jsonl (KB questions) and checks every answerable fact.

Answerable entry: (document_id, lang, question, [facts...]); at least one fact must occur in the
document (case-insensitive, accents removed) -- checked below. Unanswerable: (lang, question).
Splits are added by evals/split.py.
"""
import json
import re
import unicodedata
from pathlib import Path

PL, IN, WF, FA = "planos-e-precos", "instalacao-e-ativacao", "wifi-solucao-de-problemas", "faturas-e-pagamentos"
MU, CA, TV, CO = "mudanca-de-endereco", "cancelamento-e-fidelidade", "tv-streaming-e-movel", "area-de-cobertura"
HE, RO, NS, BU = "central-de-ajuda", "router-models", "network-status-and-outages", "business-plans"
PR, TE = "privacy-policy", "technician-visits"

ANSWERABLE = [
    # planos-e-precos (pt)
    (PL, "pt", "qto custa o plano de 500 mega?", ["109,90", "109.90"]),
    (PL, "pt", "quanto fica o vetor 1 giga sem fidelidade", ["184,90", "184.90"]),
    (PL, "pt", "qual o upload do plano de 700?", ["350 Mega", "350 Mbps"]),
    (PL, "pt", "se eu nao quiser fidelidade qto eu pago de instalacao?", ["300,00", "300.00", "R$ 300"]),
    (PL, "en", "How much discount do I get if I pay my bill with a credit card?", ["5,00", "5.00", "R$ 5"]),
    (PL, "pt", "qual a velocidade minima garantida na media do mes?", ["80%"]),
    (PL, "en", "What's the lowest the internet monthly fee can get with all discounts combined?", ["79,90", "79.90"]),
    # instalacao-e-ativacao (pt)
    (IN, "pt", "quanto tempo demora pra instalar em londrina?", ["4 dias úteis", "4 business days"]),
    (IN, "pt", "prazo de instalacao em cornelio procopio", ["7 dias úteis", "7 business days"]),
    (IN, "pt", "depois que o tecnico instala em qto tempo a net comeca a funcionar?", ["2 horas", "2 hours"]),
    (IN, "pt", "se a vetor atrasar a instalação eu ganho algum crédito?", ["30,00", "30.00", "R$ 30"]),
    (IN, "pt", "sou sindico, qual email pra pedir o cabeamento do predio?", ["condominios@vetorfibra.com.br"]),
    (IN, "pt", "quantos metros de cabo interno estao inclusos na instalação?", ["30 metros", "30 meters", "30 metres"]),
    (IN, "en", "How long does the installation visit usually take?", ["2 horas", "2 hours"]),
    # wifi-solucao-de-problemas (pt)
    (WF, "pt", "qto tempo deixo o roteador desligado da tomada pra reiniciar?", ["30 segundos", "30 seconds"]),
    (WF, "pt", "a luz PON ta piscando verde, espero quanto tempo?", ["5 minutos", "5 minutes"]),
    (WF, "pt", "qual o ip pra entrar no painel do roteador?", ["192.168.20.1"]),
    (WF, "pt", "quais canais é melhor usar no wifi 2.4?", ["1, 6 ou 11", "1, 6 or 11", "1, 6 e 11"]),
    (WF, "pt", "a senha do wifi precisa ter no minimo quantos caracteres", ["8 caracteres", "8 characters"]),
    (WF, "en", "My house is big, above what size do you recommend a mesh point?", ["120 m²", "120 m2", "120m²", "120 square"]),
    (WF, "pt", "se eu segurar o botao reset quantos segundos ele apaga tudo?", ["10 segundos", "10 seconds"]),
    # faturas-e-pagamentos (pt)
    (FA, "pt", "quais dias de vencimento posso escolher?", ["20 ou 25", "20 e 25", "20 or 25", "20, or 25"]),
    (FA, "pt", "quanto é o juros por mes se eu atrasar", ["1% ao mês", "1% per month", "1% a month"]),
    (FA, "pt", "com quantos dias de atraso a velocidade é reduzida?", ["15 dias", "15 days"]),
    (FA, "pt", "o desbloqueio em confiança libera a internet por quanto tempo?", ["48 horas", "48 hours"]),
    (FA, "pt", "me cobraram errado e eu paguei, devolvem como?", ["em dobro", "double", "twice"]),
    (FA, "pt", "quanto custa receber a fatura impressa pelos correios?", ["2,90", "2.90"]),
    (FA, "en", "How many days does Vetor have to answer a billing dispute?", ["30 dias", "30 days"]),
    (FA, "pt", "posso trocar a data de vencimento quantas vezes?", ["90 dias", "90 days"]),
    # mudanca-de-endereco (pt)
    (MU, "pt", "qto é a taxa de mudança de endereço?", ["120,00", "120.00", "R$ 120"]),
    (MU, "pt", "vou mudar pra outro ap no mesmo condominio, pago quanto?", ["60,00", "60.00", "R$ 60"]),
    (MU, "pt", "com quanto tempo de antecedencia tenho q pedir a mudança?", ["7 dias", "7 days"]),
    (MU, "en", "How much does it cost to transfer the contract to another person's name?", ["gratuita", "free", "grátis"]),
    (MU, "pt", "a troca de titularidade fica pronta em quanto tempo?", ["2 dias úteis", "2 business days"]),
    (MU, "pt", "da pra parcelar a taxa de mudança?", ["2 vezes", "2x", "2 installments", "two installments"]),
    (MU, "en", "Which plan doesn't pay the moving fee?", ["Vetor 1 Giga", "1 Giga"]),
    # cancelamento-e-fidelidade (pt)
    (CA, "pt", "qto é a multa por mes que falta da fidelidade?", ["40,00", "40.00", "R$ 40"]),
    (CA, "pt", "faltam 7 meses pro fim da fidelidade, qto pago de multa se cancelar", ["280,00", "280.00", "R$ 280"]),
    (CA, "pt", "contratei pelo whatsapp, tenho quantos dias pra desistir sem multa?", ["7 dias", "7 days"]),
    (CA, "pt", "quanto vcs cobram se eu nao devolver o VF-AX3000?", ["520,00", "520.00", "R$ 520"]),
    (CA, "pt", "suspensão temporária pode ser de no maximo quantos dias", ["120 dias", "120 days"]),
    (CA, "pt", "pra cancelar pelo 0800 é qual opção?", ["opção 9", "option 9"]),
    (CA, "en", "What's the fine if I cancel with 10 months of loyalty left?", ["400,00", "400.00", "R$ 400"]),
    # tv-streaming-e-movel (pt)
    (TV, "pt", "quantos canais tem a tv plus?", ["110 canais", "110 channels"]),
    (TV, "pt", "gravacao em nuvem tem quantas horas?", ["50 horas", "50 hours"]),
    (TV, "pt", "smart tv lg de que ano pra frente funciona a vetor tv?", ["2018"]),
    (TV, "pt", "quanto sai o movel de 30gb pra quem ja tem fibra?", ["49,90", "49.90"]),
    (TV, "pt", "o chip do vetor movel chega em quantos dias?", ["5 dias úteis", "5 business days"]),
    (TV, "en", "How much is an extra 5 GB data package on Vetor Móvel?", ["15,00", "15.00", "R$ 15"]),
    (TV, "en", "How much is Deezer Premium if I pay through Vetor?", ["19,90", "19.90"]),
    # area-de-cobertura (pt, txt)
    (CO, "pt", "vcs atendem quantas cidades?", ["18 cidades", "18 cities"]),
    (CO, "pt", "quais distritos de londrina nao tem cobertura?", ["Warta", "Irerê"]),
    (CO, "pt", "em sarandi qual bairro nao tem a fibra de vcs?", ["Jardim Universal III"]),
    (CO, "pt", "minha chacara fica longe, atendem ate quantos km da rede?", ["2 km"]),
    (CO, "en", "Which Maringá districts are covered?", ["Iguatemi", "Floriano"]),
    (CO, "pt", "meu cep nao tem cobertura, tem como ser avisado quando chegar?", ["Lista de Interesse", "interest list"]),
    (CO, "en", "In which city's area is the Vila Rural not covered?", ["Santo Antônio da Platina"]),
    # central-de-ajuda (pt, html)
    (HE, "pt", "qual o whatsapp de vcs?", ["99812-3040"]),
    (HE, "pt", "o whatsapp atende ate que horas?", ["23h", "11 pm", "11pm"]),
    (HE, "pt", "telefone da ouvidoria", ["0800 727 4499"]),
    (HE, "pt", "qual o endereço da loja de londrina?", ["Rua Sergipe, 1120", "Sergipe"]),
    (HE, "en", "When was Vetor Fibra founded?", ["2011"]),
    (HE, "pt", "quem é o ceo da vetor?", ["Ricardo Albuquerque"]),
    (HE, "en", "What's the phone number for new sales?", ["0800 727 4420"]),
    # router-models (en)
    (RO, "pt", "qual roteador vem no plano de 500?", ["VF-AX1800"]),
    (RO, "pt", "qual a velocidade maxima no 5ghz do VF-AX3000?", ["2402"]),
    (RO, "pt", "o VF-AC1200 tem WPA3 ou so WPA2?", ["WPA2"]),
    (RO, "pt", "quanto custa pra comprar um ponto mesh?", ["449,00", "449.00", "R$ 449"]),
    (RO, "pt", "quantos mesh posso ter no maximo em casa?", ["3 mesh", "3 pontos", "3 points"]),
    (RO, "en", "How many devices can the VF-AX3000 handle?", ["128"]),
    (RO, "pt", "o VF-ONT-G1 tem porta de quanto?", ["2.5 Gigabit", "2,5 Gigabit", "2.5G"]),
    (RO, "pt", "troca do roteador do plano 300 pra um wifi 6 custa quanto por mes?", ["9,90", "9.90"]),
    # network-status-and-outages (en)
    (NS, "pt", "qual o site pra ver se tem falha na minha regiao?", ["status.vetorfibra.com.br"]),
    (NS, "pt", "manutenção programada vcs avisam com quanto tempo?", ["48 hours", "48 horas"]),
    (NS, "pt", "rompimento de fibra na cidade tem previsão de quantas horas pra voltar?", ["6 hours", "6 horas"]),
    (NS, "pt", "as baterias dos armarios de rua duram quanto tempo?", ["8 hours", "8 horas"]),
    (NS, "en", "What does an incident code look like?", ["INC-"]),
    (NS, "pt", "a partir de quantas horas sem internet eu ganho desconto?", ["4 consecutive hours", "4 hours", "4 horas"]),
    (NS, "pt", "um nobreak de 600 VA segura o roteador por qto tempo?", ["2 hours", "2 horas"]),
    # business-plans (en)
    (BU, "pt", "qto custa o empresa 400?", ["199.90", "199,90"]),
    (BU, "pt", "qual o SLA do plano empresa 800?", ["99.7%", "99,7%"]),
    (BU, "pt", "no link dedicado o reparo é em quantas horas?", ["4 hours", "4 horas"]),
    (BU, "pt", "plano empresarial tem fidelidade de quanto tempo?", ["24 months", "24 meses", "24-month"]),
    (BU, "en", "How is the early termination fee calculated for business contracts?", ["30%"]),
    (BU, "en", "What's the SLA credit for each hour of repair delay?", ["5%"]),
    (BU, "pt", "quanto custa a internet 4g de backup pra empresa?", ["89.90", "89,90"]),
    # privacy-policy (en)
    (PR, "pt", "quem é o encarregado de dados (DPO) da vetor?", ["Mariana Tosetto"]),
    (PR, "pt", "email pra pedir meus dados pela LGPD", ["privacidade@vetorfibra.com.br"]),
    (PR, "pt", "vcs guardam registro de conexão por quanto tempo?", ["1 year", "1 ano"]),
    (PR, "en", "How long do you take to answer a data protection request?", ["15 days", "15 dias"]),
    (PR, "pt", "as ligações gravadas ficam guardadas por quanto tempo?", ["6 months", "6 meses"]),
    (PR, "pt", "como paro de receber promoção no whatsapp?", ["SAIR"]),
    (PR, "en", "How long are WhatsApp conversations kept?", ["2 years", "2 anos"]),
    # technician-visits (en)
    (TE, "pt", "qto custa a visita improdutiva?", ["90.00", "90,00", "R$ 90"]),
    (TE, "pt", "se ninguem estiver em casa na hora da visita eu pago quanto?", ["50.00", "50,00", "R$ 50"]),
    (TE, "pt", "prazo de reparo na zona rural", ["72 hours", "72 horas"]),
    (TE, "en", "What's the maximum time for a repair visit in the city?", ["48 hours", "48 horas"]),
    (TE, "pt", "ate quanto tempo antes posso remarcar a visita sem pagar?", ["4 hours", "4 horas"]),
    (TE, "pt", "meu cachorro roeu o cabo da fibra, qto custa pra reinstalar?", ["120.00", "120,00", "R$ 120"]),
    (TE, "pt", "o tecnico manda nome e foto quanto tempo antes?", ["One hour", "1 hour", "uma hora", "1 hora"]),
]

UNANSWERABLE = [
    ("pt", "qual o CEP da loja de Londrina?"),
    ("pt", "qual a potencia do sinal em dBm do roteador VF-AX3000?"),
    ("en", "What ping in milliseconds does Rota Gamer guarantee?"),
    ("pt", "quando a fibra de vcs chega em Umuarama?"),
    ("pt", "quantos watts o roteador consome por mes?"),
    ("pt", "a vetor tem programa de indique um amigo? quanto eu ganho?"),
    ("en", "Do you offer a discount for students?"),
    ("pt", "qual a marca que fabrica os roteadores de vcs?"),
    ("pt", "a tv plus tem o canal ESPN?"),
    ("en", "Is there a discount for senior citizens?"),
    ("pt", "qual o nome do gerente da loja de Maringá?"),
    ("pt", "qual o numero da autorização SCM da vetor na anatel?"),
    ("en", "What's the maximum distance in metres between a mesh point and the main router?"),
    ("pt", "quantos tecnicos a vetor tem em londrina?"),
    ("pt", "tem desconto pra servidor publico?"),
    ("en", "What's the upload speed of Vetor Móvel on 5G?"),
    ("pt", "quais sao os DNS da vetor fibra?"),
    ("pt", "a vetor box vem com netflix instalado?"),
    ("pt", "o roteador VF-AX1800 é bivolt?"),
    ("en", "What jitter and packet loss does the Empresa 800 SLA guarantee?"),
]


def norm(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def main() -> None:
    kb = Path(__file__).resolve().parents[1] / "vetorfibra" / "kb"
    docs = {}
    for p in kb.iterdir():
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".html":
            text = re.sub(r"<[^>]+>", " ", text)
        docs[p.stem] = norm(text)
    problems = []
    for doc, _lang, q, facts in ANSWERABLE:
        if doc not in docs:
            problems.append(f"no document {doc}")
        elif not any(norm(f) in docs[doc] for f in facts):
            problems.append(f"{doc}: no fact of {facts} found for {q!r}")
    assert not problems, "\n".join(problems)
    qs = [q for _, _, q, _ in ANSWERABLE] + [q for _, q in UNANSWERABLE]
    assert len(qs) == len(set(qs))
    out = Path(__file__).resolve().parents[1] / "vetorfibra" / "questions.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for doc, lang, q, facts in ANSWERABLE:
            n += 1
            f.write(json.dumps({"id": f"q{n:03d}", "question": q, "lang": lang, "document_id": doc,
                                "facts": facts, "answerable": True}, ensure_ascii=False) + "\n")
        for lang, q in UNANSWERABLE:
            n += 1
            f.write(json.dumps({"id": f"q{n:03d}", "question": q, "lang": lang, "document_id": "",
                                "facts": [], "answerable": False}, ensure_ascii=False) + "\n")
    print(f"wrote {len(ANSWERABLE)} answerable + {len(UNANSWERABLE)} unanswerable to {out}")


if __name__ == "__main__":
    main()
