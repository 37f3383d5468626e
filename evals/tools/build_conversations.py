"""Builds evals/solar/conversations.jsonl from the hand-written conversations below.

Blocks separated by a blank line. First line of a block: the language (pt|en|mixed).
Next lines: agent|text, one per customer turn. The label of a turn accounts for the turns before it.
Run evals/split.py afterwards to add the `split` field.
"""
import json
import pathlib

DATA = r"""
pt
small_talk|oi boa tarde
sales|quanto ta o kit 5.5 instalado?
sales|e em 12x no cartao fica qto?
small_talk|blz, valeu
sales|ah, e o frete pra Caucaia é gratis?

pt
support|meu inversor ta dando E-104
support|choveu muito ontem
support|ja secou tudo e continua
small_talk|ok obrigado

pt
product|o kit 8.2 precisa de ligação trifásica?
product|e o 5.5?
sales|entao quero o 5.5, qto fica?
sales|pix tem desconto?
sales|fechado, como pago?

en
product|Does the battery work with the 5.5 kit?
product|and how long would it last at night?
sales|ok, how much for the battery installed?
sales|and if I buy both together?

pt
support|cade meu pedido, paguei faz 8 dias
support|o numero é 55231
support|e qual a transportadora?
support|ta bom, e se chegar amassado o que eu faço?
small_talk|valeu

pt
sales|quero financiar o kit 3.3
sales|qual a taxa?
sales|e precisa de entrada?
product|ah outra coisa, o 3.3 aguenta um ar condicionado?
sales|beleza, entao manda a simulação

en
small_talk|hi there
support|my app stopped showing generation since yesterday
support|yes the inverter screen is on
support|it says E-305
small_talk|thanks, that fixed it!

pt
product|vcs atendem em Mossoró?
product|e instalam ou só mandam o kit?
sales|quanto cobra de deslocamento?
sales|sao uns 280 km de natal

mixed
sales|hi, quero um quote do kit 8.2
sales|installed, em Salvador
sales|and with financing in 60x?
support|btw meu irmão comprou com vcs e a parcela dele veio errada, quem resolve?

pt
support|o tecnico quebrou telha na instalação
support|ta entrando agua quando chove
support|foi instalado faz uns 8 meses
support|isso entra na garantia?
small_talk|obrigada

pt
product|qual a garantia do painel?
product|e do inversor?
product|e da bateria?
sales|quanto custa o brisa care pra estender?
sales|anual tem desconto?

en
sales|I want to buy the EV charger
sales|installed please
product|wait, does it work with a BYD Seal?
product|and can it charge only from the panels?
sales|great, send me the quote

pt
support|quero cancelar minha compra
support|comprei pelo whatsapp, chegou ontem
support|o frete da devolução é por minha conta?
support|e o reembolso cai quando? paguei no pix

pt
small_talk|bom diaaa
clarify|preciso de ajuda com o meu sistema
support|ele ta desligando toda hora
support|aparece E-101 perto do meio dia
support|e se acontecer todo dia?

en
product|Do you ship to Uruguay?
product|minimum order?
sales|ok, please quote 60 panels in USD
sales|and how long until it leaves Fortaleza?

pt
sales|orçamento
sales|minha conta é uns 450
sales|casa, monofásico
product|quanto espaço de telhado precisa pra esse?
sales|ok me manda a proposta

pt
support|a parcela do financiamento veio maior que o combinado
support|financiei pelo banco parceiro sol
support|era pra ser 620 e veio 690
small_talk|ok aguardo

mixed
product|o painel aguenta maresia? I live right on the beach
product|and how often should I clean it?
sales|ok quero comprar o 5.5 then
sales|how much installed em Fortaleza?

pt
product|funciona quando falta luz?
product|e com bateria funciona?
product|quanto tempo segura?
sales|qto custa a bateria?
sales|e o inversor hibrido?
small_talk|vlw

en
support|one panel came with cracked glass
support|it was delivered yesterday
support|do I need to send photos?
support|and will you send a new one for free?

pt
small_talk|oi
small_talk|tudo bem?
product|vcs instalam em telhado de fibrocimento?
product|e telha metálica?
sales|queria agendar a visita pra fazer o orçamento

pt
support|esqueci a senha do brisa monitor
support|ja tentei o recuperar senha e nao chega email
support|o email é o mesmo do cadastro sim
product|ah e o app mostra a economia em reais?

pt
sales|quero ser parceiro instalador
sales|tenho cnpj e sou eletricista
product|precisa de algum certificado?
sales|e o desconto é de quanto?
product|tem treinamento?

en
support|My bill didn't go down after the installation
support|the meter was swapped two weeks ago
support|should I send you the bill?
small_talk|ok thanks, bye

pt
product|o que é a lei 14.300?
product|e ainda vale a pena?
product|em quanto tempo se paga?
sales|entao quero um orçamento

pt
support|o carregador do carro ta desarmando o disjuntor
support|foi vcs que instalaram
support|o disjuntor é de 32
support|alguem pode vir trocar o disjuntor?

mixed
small_talk|hello, tudo bem?
sales|quanto é o kit 3.3 only the kit?
sales|and installed?
sales|ok e no boleto tem discount?

pt
support|comprei o kit 5.5 e nao veio o inversor
support|pedido 60988
support|chegou hoje de manha
support|vou recusar?
small_talk|ta bom obrigado

en
product|What's the difference between the 5.5 and the 8.2 kits?
product|my house is single-phase
sales|then the 5.5. What's the price with installation?
sales|can I pay in 12 installments?
support|also, I have an old order from last year that never got an invoice, can you help?

pt
support|meu sistema ta gerando pouco
support|gerou 450 esse mes
support|é o kit 5.5
support|ja olhei o app e nao tem alerta nenhum
support|as placas estão limpas

pt
sales|qual o preço do brisa care?
product|o que ele cobre?
product|cobre granizo?
sales|ta, quero o plus
sales|posso pagar no boleto?

pt
support|a entrega tava prevista pra ontem
support|pedido 61770
support|moro em Teresina
sales|aproveitando, queria comprar mais 2 paineis avulsos, qto fica?

en
small_talk|good evening
product|can I have solar in my apartment?
product|I have a beach house in Cumbuco, same utility
sales|how much would a 3.3 kit installed there cost?
small_talk|thanks, I'll think about it

pt
support|o inversor ta apitando
support|E-301
support|ele fica na garagem do lado do portao, pega sol a tarde
support|tem que mudar ele de lugar?

pt
sales|vcs fazem sistema pra fazenda?
sales|é pra bomba de irrigação, uns 40 kWp
sales|da pra financiar pelo bndes?
small_talk|ok obrigado

en
support|I want to return the EV charger
support|it arrived 4 days ago, never used
support|how do I send it back?
support|and when will the money be back on my card?

mixed
support|meu inverter reserva também deu defeito
support|o meu original ta em análise faz 3 weeks
support|quando vocês devolvem?
small_talk|ok thanks

pt
product|quantas baterias da pra ligar?
product|e quantos kwh fica com 4?
sales|quanto custam 2?
sales|e instalada?

pt
out_of_scope|vcs vendem ar condicionado?
small_talk|ah ok
sales|entao quero saber o preço de um kit pra compensar o ar que eu tenho
sales|minha conta é 700

en
support|Got charged for Brisa Care twice this month
support|both on my credit card
support|can you refund one?
product|also, does Brisa Care include panel cleaning?

pt
support|quero apagar meus dados
support|pedi orçamento ano passado
support|pra qual email eu mando?
support|em quanto tempo vcs respondem?

pt
small_talk|oii
sales|quanto custa pra colocar solar
sales|conta de 300
product|e gera bem em dia de chuva?
small_talk|ok vou pensar

mixed
support|o app mostra zero generation today
support|the inverter is on, luz verde
support|sem código de erro
support|ok vou reiniciar, how do I do it safely?

pt
sales|quero fechar o kit 8.2
sales|vai ser no cartão
sales|em 18x da?
support|espera, já tenho um pedido aberto de um 3.3 que ainda nao chegou, da pra cancelar esse?

en
product|How long does the whole process take?
product|and the utility approval part?
sales|ok, I'd like to start. How do I place the order?

pt
support|ta pingando agua embaixo das placas
support|no quarto do meu filho
support|instalaram em janeiro
support|alguém pode vir essa semana?

pt
product|o painel de vcs é monocristalino?
product|quantos watts?
product|e pesa quanto?
product|meu telhado aguenta?
sales|faz a visita técnica pra ver e orçar?

en
small_talk|hi
clarify|I need help with my inverter
support|it's showing E-202
support|should I switch it off?

pt
support|a primeira parcela do financiamento veio antes do sistema funcionar
support|ainda nem trocaram o medidor
support|n era pra ser em 120 dias?
small_talk|blz

pt
sales|me manda o preço do carregador
product|serve pro meu carro? é um Dolphin Mini
product|quanto tempo leva pra carregar?
sales|ok, quero com instalação
sales|meu quadro fica a uns 20 metros da garagem, cobra a mais?

mixed
product|vcs atendem em Recife?
product|têm showroom lá?
sales|quero marcar uma visita with a consultant
sales|sábado de manhã works?

pt
support|recebi a conta nova e nao aparece credito nenhum
support|enel
support|faz 2 meses que trocaram o medidor
support|mando a conta por aqui?

en
out_of_scope|can you recommend an electrician to redo my house wiring?
product|ok, but do you install EV chargers?
sales|how much is it installed?
small_talk|thanks

pt
support|meu pedido ta parado como aguardando pagamento
support|paguei boleto na sexta
support|hoje é terça
sales|aproveita e me diz se tem desconto pra comprar mais uma bateria no pix

pt
product|qual a diferença do inversor hibrido pro comum?
product|da pra trocar no meu sistema que ja existe?
sales|quanto custa?
sales|e a instalação?

en
support|Since the install the main breaker keeps tripping
support|mostly in the afternoon
support|it's a 40 A breaker
support|can someone come check it?

pt
small_talk|boa tarde
sales|sou instalador, queria preço de parceiro
sales|compro uns 60 mil por trimestre
product|e os pedidos saem no mesmo dia?
small_talk|show, obrigado

mixed
sales|tem financing pro kit 5.5?
sales|quanto fica the monthly payment?
product|e preciso de conta de luz no meu nome?
sales|ok let's do it

pt
product|posso deixar o chuveiro na bateria?
product|e ar condicionado?
product|entao o que fica ligado?
sales|manda o valor do sistema com bateria entao

en
sales|Quote for a 3.3 kit please
product|actually, how much roof area does it need?
product|mine is a clay tile roof facing east
product|how much would I lose facing east?
sales|fine, please send the quote
"""


def main():
    out = pathlib.Path(__file__).resolve().parents[1] / "solar" / "conversations.jsonl"
    recs = []
    for block in DATA.strip().split("\n\n"):
        lines = block.strip().splitlines()
        lang = lines[0].strip()
        assert lang in {"pt", "en", "mixed"}, block
        turns = []
        for line in lines[1:]:
            agent, text = line.split("|", 1)
            assert agent in {"sales", "support", "product", "small_talk", "out_of_scope", "clarify"}, line
            turns.append({"text": text, "agent": agent})
        assert 3 <= len(turns) <= 6, block
        recs.append({"id": f"c{len(recs) + 1:03d}", "lang": lang, "turns": turns})
    with out.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "conversations ->", out)


if __name__ == "__main__":
    main()
