"""Writes evals/vetorfibra/conversations.jsonl from the hand-written conversations below.

Each conversation: (lang, [(text, label), ...]). Labels account for the turns before them.
Splits are added by evals/split.py.
"""
import json
from pathlib import Path

S, SU, P, ST, OOS = "sales", "support", "product", "small_talk", "out_of_scope"

CONVERSATIONS = [
    ("pt", [("oi boa tarde", ST), ("quanto ta o plano de 500?", S), ("e o de 700?", S),
            ("esse de 700 vem com wifi 6?", P), ("blz, obrigado", ST)]),
    ("pt", [("minha internet ta muito lenta hoje", SU), ("ja reiniciei 2x", SU),
            ("agora acendeu uma luz vermelha escrito LOS", SU), ("e quanto tempo pra vir alguem?", SU),
            ("ok valeu", ST)]),
    ("en", [("Hi, do you cover Cambé?", P), ("great, how much is the 1 Giga plan?", S),
            ("and is the installation free?", S), ("ok, sign me up", S), ("thanks!", ST)]),
    ("pt", [("vou me mudar pra apucarana mes q vem", SU), ("tem taxa?", SU),
            ("e o roteador eu levo ou vcs trazem outro?", SU),
            ("aproveitando, quero subir meu plano pro 1 giga", S), ("quanto fica?", S)]),
    ("pt", [("quero cancelar minha internet", SU), ("quanto fica a multa? contratei em agosto do ano passado", SU),
            ("e o roteador?", SU), ("ta bom, obrigado", ST)]),
    ("pt", [("a vetor tv funciona na samsung?", P), ("a minha é de 2017", P),
            ("e se não funcionar, tem algum aparelho que resolve?", P), ("qto custa esse box?", S),
            ("fechado, quero contratar a tv plus com o box", S)]),
    ("en", [("My bill this month has a charge for Pacote Esportes+ that I never ordered", SU),
            ("yes, I want it removed and refunded", SU), ("how long does that take?", SU),
            ("also, does your TV service have a replay feature?", P), ("cool, thanks", ST)]),
    ("pt", [("Bom dia, vocês têm link dedicado em Londrina?", P), ("Qual o valor do de 200 mega?", S),
            ("Podem me enviar uma proposta formal por e-mail?", S), ("Obrigada.", ST)]),
    ("pt", [("o técnico não veio hoje", SU), ("era pra ser de manha, fiquei esperando", SU),
            ("da pra remarcar pra sabado?", SU), ("moro em sarandi", SU), ("ok", ST)]),
    ("mixed", [("hi, meu wifi não aparece no notebook", SU), ("only the 2.4 shows up, the 5G doesn't", SU),
               ("o roteador é o VF-AX1800", SU), ("ja reiniciei e nada", SU), ("thanks, vou testar", ST)]),
    ("pt", [("qual roteador vem no plano de 300?", P), ("ele aguenta quantos aparelhos?", P),
            ("aqui em casa tem uns 40 entre celular, tv e camera", P),
            ("entao qual plano vcs recomendam pra mim? quero contratar", S), ("qual o valor do de 500 entao", S)]),
    ("en", [("Hello", ST), ("I'm moving from Maringá to Presidente Prudente in two weeks", SU),
            ("Do I have to pay a fee?", SU), ("and how many days to install over there?", SU),
            ("thanks, bye", ST)]),
    ("pt", [("paguei a fatura atrasada agora no pix", SU), ("qnd volta a net?", SU),
            ("e os juros vem na proxima?", SU), ("vlw", ST)]),
    ("pt", [("vcs atendem em umuarama?", P), ("e maringa?", P), ("moro no distrito de floriano", P),
            ("qto fica o plano mais barato?", S), ("pode ser esse, como contrato", S)]),
    ("pt", [("quero colocar chip de vcs", S), ("o de 30 gb", S), ("tem 5g?", P), ("moro em londrina", P),
            ("fechou, quero 2 linhas", S)]),
    ("en", [("The red light on my router is blinking", SU), ("it says LOS", SU),
            ("is it an outage in my area? I'm in Ibiporã", SU), ("ok thanks", ST)]),
    ("pt", [("Boa tarde. Gostaria de solicitar a troca de titularidade do contrato para o nome da minha esposa.", SU),
            ("Quais documentos são necessários?", SU), ("Há algum custo?", SU), ("Agradeço.", ST)]),
    ("pt", [("ta cobrando 300 reais de instalação na minha fatura", SU), ("eu contratei com fidelidade!!", SU),
            ("quero o dinheiro de volta", SU),
            ("aproveita e me diz se o mesh funciona bem em casa de 2 andares", P), ("quanto custa?", S),
            ("blz obg", ST)]),
    ("pt", [("oi", ST), ("to sem internet", SU), ("e na rua toda, o vizinho tb ta sem", SU),
            ("tem previsão?", SU), ("valeu", ST)]),
    ("en", [("Do you have internet plans for businesses?", S), ("what's the monthly fee for Empresa 400?", S),
            ("and how much is the fixed IP on top?", S), ("ok, can a consultant call me tomorrow morning?", S),
            ("thanks", ST)]),
    ("pt", [("quero suspender a internet por 3 meses", SU), ("vou fazer intercambio", SU),
            ("e a fidelidade como fica?", SU), ("e se eu quiser cancelar de vez?", SU),
            ("entendi, obrigado", ST)]),
    ("pt", [("qual a diferença do tv app pro tv plus?", P), ("e quantas telas cada um?", P),
            ("tem gravação?", P), ("quero o plus, qto fica pra quem ja tem internet de vcs?", S)]),
    ("mixed", [("hello, minha internet ta super lenta", SU), ("i pay for 700 and the speedtest shows 120", SU),
               ("on wifi, from my phone", SU), ("should I upgrade to 1 giga then? how much is it?", S),
               ("ok maybe later, thanks", ST)]),
    ("pt", [("vcs tem internet no interior de SP?", P), ("quais cidades?", P),
            ("e a instalação em prudente demora qto?", P), ("blz, obrigado", ST)]),
    ("pt", [("a fatura nao chegou esse mes", SU), ("acho q é pq meu email mudou", SU),
            ("o novo é joao.pereira82@gmail.com", SU), ("e quero mudar o vencimento pro dia 10 tbm", SU),
            ("obrigado", ST)]),
    ("en", [("Which of your routers support WPA3?", P), ("and the one on the 300 plan?", P),
            ("how much to get the Wi-Fi 6 one instead?", S), ("ok, please add it to my plan", S)]),
    ("pt", [("minha instalação ta marcada pra amanha", SU), ("preciso estar em casa o tempo todo?", SU),
            ("minha filha de 16 pode receber o tecnico?", SU), ("ok, vou remarcar entao pra sábado", SU),
            ("valeu", ST)]),
    ("pt", [("boa noite", ST), ("to pensando em contratar vcs", S),
            ("tenho duvida se o wifi chega no quintal, a casa tem 180m2", P),
            ("entao me ve o plano de 1 giga que ja vem com mesh né? qto é?", S), ("ok vou pensar, tchau", ST)]),
    ("pt", [("como funciona o rota gamer?", P), ("funciona no wifi ou só no cabo?", P), ("quanto é?", S),
            ("pode ativar pra mim", S), ("vlw", ST)]),
    ("pt", [("quero cancelar a tv app", SU), ("e o box, devolvo onde?", SU), ("tem loja em londrina?", SU),
            ("qual o endereço?", SU), ("me passa uma receita de pão de queijo tb kkk", OOS), ("obrigada", ST)]),
]


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "vetorfibra" / "conversations.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for i, (lang, turns) in enumerate(CONVERSATIONS, 1):
            assert 3 <= len(turns) <= 6, i
            rec = {"id": f"c{i:03d}", "lang": lang,
                   "turns": [{"text": t, "agent": a} for t, a in turns]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(CONVERSATIONS)} conversations to {out}")


if __name__ == "__main__":
    main()
