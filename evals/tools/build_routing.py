"""Builds evals/solar/routing.jsonl from the hand-written messages below.

Each line: agent|lang|style|text  (split on the first three '|').
Messages were written by hand for SolarBrisa (blind: without reading the router's rules or examples).
Run evals/split.py afterwards to add the `split` field.
"""
import json
import pathlib

DATA = r"""
sales|pt|informal|quero comprar o kit brisa 5.5
sales|pt|terse|orçamento
sales|pt|no_accents|qto custa o kit 3.3 instalado?
sales|pt|informal|oi, quanto fica o kit brisa 8.2 com instalação em natal?
sales|pt|slang|quero fechar o kit 5.5 pelo pix, como faço
sales|pt|slang|vcs parcelam no cartao em qts vezes?
sales|pt|no_accents|da pra financiar o kit sem entrada? to querendo comprar
sales|pt|formal|Boa tarde, gostaria de solicitar um orçamento para um sistema fotovoltaico residencial. Minha conta média é de R$ 480.
sales|pt|slang|minha conta de luz vem uns 600 conto, qual kit vcs me indicam e qto sai
sales|pt|terse|preço da bateria SB-BAT-5?
sales|pt|typos|qro o carregador de carro eletrico, qual o vlaor instalado
sales|pt|informal|tem desconto no pix??
sales|pt|informal|manda o preço do painel avulso, quero comprar 4 pra aumentar meu sistema
sales|pt|informal|Quero agendar uma visita de um consultor aqui em casa pra fazer a proposta
sales|pt|slang|to pensando em colocar energia solar na minha padaria, conta de uns 2 mil por mes, me manda uma proposta
sales|pt|informal|o kit brisa 5.5 ainda ta naquele preço de 19.990?
sales|pt|informal|quero comprar 2 baterias pra juntar com o sistema q eu ja tenho
sales|pt|informal|simulação de financiamento pra 60 meses do kit 8.2 por favor
sales|pt|emoji|Olá! Vi o anúncio de vcs no insta 😍 quero saber valores
sales|pt|typos|quanto e o frte pra Belo Horizonte?
sales|pt|slang|cobra deslocamento pra instalar em Sobral? qto?
sales|pt|no_accents|me passa o valor do inversor hibrido
sales|pt|informal|bom dia, sou de Recife, queria um orçamento pra minha casa, somos 5 pessoas e tem 2 ar condicionado
sales|pt|informal|QUERO COMPRAR O KIT MAIS BARATO QUE VCS TEM
sales|pt|slang|fecha o 8.2 instalado em 12x sem juros no cartao?
sales|pt|informal|quero contratar o brisa care, como eu assino?
sales|pt|terse|tem como parcelar no boleto?
sales|pt|slang|me liga um vendedor pfv, quero fechar negocio hj
sales|pt|informal|pix ou cartao, qual compensa mais pra comprar o kit 3.3?
sales|pt|informal|a instalação em solo fica quanto a mais?
sales|pt|formal|Gostaria de receber uma proposta comercial para um galpão de 1.200 m² com consumo de 15.000 kWh/mês.
sales|pt|informal|sou instalador e quero comprar kits com preço de parceiro, como faço o cadastro?
sales|pt|long|queria ver se compensa pra mim... gasto uns 350 reais por mes de luz, moro sozinho mas trabalho em casa com dois monitores e ar ligado o dia todo. quanto eu pagaria de parcela se financiar?
sales|pt|typos|minha vó quer colocar placa solar no citio dela que nao tem luz, quanto sai um sistema of grid
sales|pt|slang|qnt ta o kit 5.5 só o kit sem instalar
sales|pt|informal|vcs fazem preço melhor se eu pagar tudo a vista?
sales|pt|terse|orcamento kit 8.2 pra SSA
sales|pt|no_accents|queria comprar mais 3 paineis pra ampliar, voces instalam junto? quanto fica
sales|pt|informal|dá pra pagar metade no pix e metade no cartão?
sales|pt|formal|Boa noite. Tenho interesse em adquirir o carregador SB-EV7 para a minha garagem. Poderiam me enviar o valor com instalação?
sales|pt|slang|eae, to querendo botar solar em casa mas n sei nem por onde começar, quanto custa mais ou menos?
sales|pt|no_accents|quanto fica a parcela do financiamento do kit 3.3 em 72x
sales|pt|emoji|tem promoção de black friday? 👀
sales|pt|emoji|quero o kit 5.5 + bateria, vcs fazem um combo? 🤑
sales|pt|typos|aceita cartao de duas bandeiras pra pagar o kti?
sales|pt|formal|Prezados, solicito cotação de 40 kits Brisa 5.5 para revenda em Teresina.
sales|pt|informal|ja decidi, vou levar o 5.5 instalado. qual o proximo passo?
sales|pt|slang|manda proposta no meu zap
sales|pt|terse|quero comprar
sales|pt|terse|preço
sales|pt|long|Moro em apartamento e não tenho telhado, mas tenho uma casa de praia em Aquiraz que fica vazia quase o ano todo. Queria colocar as placas lá e abater a conta do ap em Fortaleza. Quanto ficaria isso?
sales|pt|informal|vcs cobrem o preço da concorrencia? me ofereceram um 5.5 por 21 mil instalado
sales|pt|informal|financia pra empresa? tenho cnpj há 3 anos e quero montar solar na oficina
sales|pt|informal|Tem como fazer o orçamento só com a foto da minha conta de luz? mando aqui
sales|pt|no_accents|qual o valor do brisa care plus por mes? quero colocar no meu
sales|pt|informal|oi, quero marcar uma demonstração do carregador no showroom da beira mar
sales|pt|informal|quanto é a inspeção pra entrar no brisa care? meu sistema foi de outra empresa
sales|pt|informal|to querendo dar de presente pro meu pai, qual kit sai mais em conta?
sales|pt|slang|vcs vendem só o inversor 5k? qto
sales|pt|informal|me faz um orçamento pra 2 kits, um pra minha casa e outro pra casa da minha mae
sales|pt|slang|taxa do financiamento ta qto? quero financiar o kit
sales|pt|emoji|bom diaaa ☀️ queria fazer orcamento
sales|pt|slang|kit 3.3 em 10x da qto por mes
sales|pt|formal|Solicito, por gentileza, proposta de kit instalado com financiamento. CPF sem restrição, renda de R$ 6 mil.
sales|pt|typos|compensa comprar agora ou esperar baxar o preço? to quase fechando
sales|pt|typos|quanto custa pra instlar o 5.5 em juazeiro do norte
sales|en|informal|How much is the Brisa 5.5 kit installed?
sales|en|informal|I'd like a quote for my house in Natal, my bill is around R$ 500.
sales|en|terse|price of the SB-EV7 charger?
sales|en|informal|can I pay with pix and get a discount?
sales|en|informal|I want to buy the 8.2 kit, what are the next steps?
sales|en|informal|Do you offer financing? Looking to buy a system for my home.
sales|en|terse|quote pls
sales|en|formal|What would a 40 kWp system for our warehouse cost?
sales|en|informal|I'm an electrician, how do I sign up as an installer partner to get the partner prices?
sales|en|formal|We are a distributor in Asunción, Paraguay and would like to import 200 panels. Could you send a quote in USD?
sales|en|informal|Could a salesperson call me tomorrow morning? I'm ready to buy.
sales|en|informal|how much extra do you charge to install 300 km from Salvador?
sales|en|informal|Is there any discount if I buy the battery together with the kit?
sales|en|informal|what's the monthly payment on the 5.5 over 60 months?
sales|en|informal|I'd like to book a visit to your showroom to talk about buying panels.
sales|en|long|Hi! My wife and I just bought a house in Fortaleza and we're thinking about going solar. Our bill is about R$ 700 a month with three air conditioners running most nights. What would you recommend and what's the price range?
sales|en|terse|How much for one extra SB-550M panel?
sales|en|terse|12 installments interest free on credit card?
sales|en|informal|Can you beat a competitor's quote of R$ 23k for a 5.5 kWp system?
sales|en|informal|I want to sign up for Brisa Care, how much is it?
sales|en|informal|interested in the hybrid inverter, whats the price
sales|en|terse|shipping cost to São Paulo?
sales|en|informal|Please send me a proposal for the 3.3 kit, email is fine.
sales|en|formal|I run a small hotel in Porto de Galinhas. Could we get a commercial proposal with BNDES financing?
sales|en|terse|ready to order the 5.5 kit
sales|en|terse|buy
sales|en|informal|Hey, what's the cheapest way to get solar + a battery? Budget is around 30k.
sales|en|formal|Do you offer payment terms for companies? We would pay by boleto.
sales|en|informal|how much would an off-grid setup for a farm be?
sales|en|informal|Can I get the price of the kit without installation? I have my own electrician.
sales|en|typos|is the price with taxes inclueded?
sales|en|formal|I would like to book a meeting with a consultant to size a system for my clinic.
sales|en|informal|ground mount for a 5.5 kit, how much more does it cost?
sales|mixed|informal|quero um quote do kit 5.5 installed pls
sales|mixed|informal|hi! qto custa o EV charger instalado?
sales|mixed|informal|preciso de um orçamento asap, my bill is like R$ 900
sales|mixed|informal|can I pagar no pix com desconto?
sales|mixed|informal|quero buy o kit 8.2, como procede?
sales|mixed|long|sou gringo living in Natal faz 2 anos, minha esposa é daqui, a gente quer solar na casa nova, how much would it be?
sales|mixed|informal|tem financing em 72x? queria comprar
sales|mixed|emoji|price list dos kits por favor 🙏
sales|mixed|informal|meeting com um consultor this week? quero fechar
sales|mixed|informal|quanto é the battery SB-BAT-5 instalada?
sales|mixed|slang|hey, vcs fazem discount pra installer partner? tenho CNPJ
support|pt|no_accents|ta pingando agua dentro de casa bem embaixo de onde vcs instalaram as placas
support|pt|informal|meu inversor ta mostrando E-104 desde ontem
support|pt|slang|cade meu pedido?? paguei faz 10 dias
support|pt|terse|quero cancelar minha compra
support|pt|informal|a parcela do financiamento veio com valor diferente do combinado
support|pt|informal|fui cobrado duas vezes no cartão pelo mesmo kit
support|pt|no_accents|o app brisa monitor nao mostra nada desde semana passada
support|pt|informal|a geração caiu pela metade esse mes, e as placas tao limpas
support|pt|typos|chegou um painel com o vidro trincao
support|pt|informal|quando vão vir trocar o medidor? já instalaram faz 3 semanas
support|pt|informal|quero devolver o carregador, me arrependi, chegou anteontem
support|pt|informal|a tela do inversor ta apagada, nenhuma luz acesa
support|pt|no_accents|minha conta de luz nao baixou nada depois da instalacao
support|pt|terse|esqueci a senha do app
support|pt|formal|Boa tarde, solicito a segunda via da nota fiscal do pedido 48213.
support|pt|slang|ja faz 40 dias e a distribuidora ainda n homologou, vcs tao acompanhando?
support|pt|informal|o tecnico quebrou umas telhas quando instalou e agora ta entrando agua no quarto
support|pt|informal|o inversor ta apitando e aparece E-301
support|pt|no_accents|meu estorno ainda nao caiu, devolvi o kit mes passado
support|pt|informal|a bateria nao ta segurando nem 2 horas quando falta luz
support|pt|formal|Quero acionar a garantia do inversor, número de série SBINV5K-22-10455.
support|pt|informal|faltou luz ontem e a casa apagou toda, mas eu tenho bateria de vcs, n era pra segurar?
support|pt|no_accents|a primeira parcela do financiamento caiu antes dos 120 dias, nao era pra ser depois de gerar?
support|pt|informal|o carregador do carro nao liga, fica uma luz vermelha piscando
support|pt|informal|preciso remarcar a visita tecnica de quinta
support|pt|informal|o técnico não apareceu hoje, fiquei esperando a manhã toda
support|pt|informal|tem um barulho estranho vindo do inversor, tipo um zumbido
support|pt|informal|ontem caiu um raio aqui perto e o inversor parou
support|pt|slang|cancela meu brisa care pf, n quero mais
support|pt|terse|aparece "E-305" no app
support|pt|formal|A transportadora deixou a caixa toda amassada na portaria e eu não conferi na hora. O que faço agora?
support|pt|informal|ja paguei e o pedido continua como aguardando pagamento
support|pt|typos|ja limpei as placa e mesmo assim ta gerando poco
support|pt|no_accents|nao consigo conectar o inversor no wifi novo, troquei de roteador
support|pt|informal|o disjuntor fica desarmando toda hora depois da instalação
support|pt|typos|meu visinho tem o mesmo kit e gera bem mais q o meu
support|pt|informal|vcs instalaram faz um ano e a estrutura ta enferrujando perto dos parafusos
support|pt|informal|quero o reembolso do pix, desisti do pedido dentro dos 7 dias
support|pt|informal|cobraram um deslocamento que não tava no contrato
support|pt|slang|cade a ART do meu projeto? a distribuidora ta pedindo
support|pt|long|Olá, boa noite. Meu sistema foi instalado em março pela equipe de Natal. Desde o começo de junho, todo dia por volta do meio-dia o inversor desliga sozinho e volta depois de uns minutos, e no app aparece o código E-101. Vários vizinhos da rua também colocaram solar. O que eu faço?
support|pt|informal|uma das placas ta com uma mancha escura no meio, parece queimado
support|pt|informal|meu pedido veio faltando os conectores mc4
support|pt|formal|Meus créditos de energia não estão aparecendo na conta da Enel.
support|pt|informal|preciso trocar o endereço de entrega do pedido 55102
support|pt|emoji|a previsão de entrega era ontem e nada 😤
support|pt|emoji|o inversor reserva que vcs emprestaram deu defeito tb 🤦
support|pt|informal|minha conta veio mais alta depois da troca do medidor, tá certo isso?
support|pt|informal|paguei a parcela do financiamento e continua aparecendo em aberto
support|pt|informal|a cobrança do brisa care veio duas vezes esse mês
support|pt|informal|tem um fio solto pendurado no telhado desde a instalação
support|pt|no_accents|ja faz 5 dias uteis e ninguem respondeu meu chamado de garantia
support|pt|informal|A luz verde do inversor fica piscando e ele não gera nada de manhã
support|pt|formal|Gostaria de saber o status do meu chamado 2024-7781.
support|pt|terse|E-202
support|pt|informal|ta dando E-104 toda vez que chove
support|pt|no_accents|o app mostra geracao zero mas o inversor ta ligado
support|pt|informal|quero que vcs apaguem meus dados, pedi orçamento ano passado e nao comprei
support|pt|no_accents|nao consigo entrar na minha conta do site
support|pt|informal|a nota fiscal veio com meu nome errado
support|pt|long|comprei o kit sem instalação pq meu cunhado é eletricista, ele foi montar no sábado e disse que não veio a string box na caixa, só os painéis, o inversor e a estrutura. como resolve?
support|pt|typos|o invesor ta desligano sozinho toda tarde
support|pt|emoji|GENTE o telhado ta vazando desde q instalaram 😡😡
support|pt|slang|mano o app n atualiza a geração faz 3 dias
support|pt|typos|a placa do canto ta com o vidro rachado depois da chuva de granizo
support|pt|informal|vcs venderam meu kit em 10x e ta vindo 12 parcelas na fatura
support|en|informal|My inverter shows E-102 every evening.
support|en|informal|Where is my order? It's been 12 days.
support|en|informal|I want to cancel my order and get a refund.
support|en|informal|I was charged twice for the same kit.
support|en|informal|The Brisa Monitor app stopped updating after the last update.
support|en|terse|One of the panels arrived cracked.
support|en|informal|There's water dripping from the ceiling right under where your team mounted the panels.
support|en|informal|My generation dropped 40% this month and it's been sunny every day.
support|en|informal|How do I claim the warranty on my battery? It's 2 years old and won't hold a charge.
support|en|informal|Still waiting for the utility to swap the meter, any update?
support|en|informal|The technician missed our appointment today.
support|en|formal|Could I get a copy of my invoice (NF-e), please?
support|en|informal|My financing installment came higher than what we agreed.
support|en|informal|The EV charger trips the breaker every time I plug the car in.
support|en|terse|Inverter display is blank.
support|en|informal|refund still not on my card after 2 billing cycles
support|en|informal|Lightning hit near the house and now the inverter is dead.
support|en|informal|E-301 keeps popping up in the afternoon
support|en|informal|Please reschedule my installation to next week.
support|en|terse|forgot my app password
support|en|informal|I've had my system for a year and my bill is still high, something's off.
support|en|informal|Got charged for Brisa Care even though I cancelled it in March.
support|en|informal|The inverter makes a loud humming noise at night.
support|en|informal|Received the kit but the mounting rails are missing.
support|en|informal|I sold my house, how do I transfer the monitoring account to the new owner?
support|en|informal|Your installer left screws on the roof and now there's a leak over the kitchen.
support|en|terse|E-305
support|en|informal|I got error E-201 right after the install, what do I do?
support|en|informal|My credits from last month didn't show up on the bill.
support|en|long|Hello, I bought the 5.5 kit two months ago and since then the installer you sent never came back to finish the wiring. I called three times and was told someone would call back. The panels are just sitting on my roof doing nothing. I want someone here this week.
support|en|informal|Who do I talk to about a wrong charge on my boleto?
support|en|informal|I returned the charger within 7 days, when do I get my pix back?
support|en|typos|the panells near the edge look like they have burn marks
support|mixed|informal|meu inverter ta com error E-104 again
support|mixed|informal|cadê my order? paguei semana passada
support|mixed|informal|the app diz que a geração é zero hoje
support|mixed|informal|quero um refund, o produto veio broken
support|mixed|slang|o tecnico no show hoje, again
support|mixed|terse|charged twice no cartão, help
support|mixed|informal|preciso do invoice da minha compra pra empresa
support|mixed|informal|a battery não segura charge a noite
support|mixed|informal|o wifi dongle disconnected e n volta
support|mixed|terse|cancel meu pedido pls
support|mixed|informal|ta vazando water no teto desde a instalação
product|pt|informal|qual a diferença entre o kit 5.5 e o 8.2?
product|pt|informal|o sistema funciona em dia nublado?
product|pt|informal|quanto tempo a bateria segura a casa sem luz?
product|pt|emoji|o painel aguenta maresia? moro na praia 🏖️
product|pt|terse|vcs atendem em Manaus?
product|pt|no_accents|o kit 8.2 precisa de trifasico?
product|pt|informal|quantas placas tem o kit 3.3?
product|pt|terse|o inversor tem wifi?
product|pt|terse|funciona quando falta luz?
product|pt|informal|moro em apartamento, da pra ter energia solar?
product|pt|informal|tem o SB-EV7 em estoque?
product|pt|typos|o carregador serve pra BYD Dophin?
product|pt|no_accents|qual a garantia dos paineis?
product|pt|slang|quantos m2 de telhado precisa pro 5.5?
product|pt|informal|instalam em telha de fibrocimento?
product|pt|informal|meu telhado é virado pro leste, perde muito?
product|pt|informal|a conta de luz vai zerar?
product|pt|informal|quanto tempo demora do pedido até começar a gerar?
product|pt|terse|o que é homologação?
product|pt|typos|quantas baterias posso ligar jutnas?
product|pt|informal|dá pra colocar bateria num sistema que já tenho de outra empresa?
product|pt|no_accents|qual a eficiencia do painel de voces?
product|pt|terse|quanto pesa cada placa?
product|pt|informal|o que muda com a lei 14.300?
product|pt|informal|os creditos de energia vencem?
product|pt|slang|qual kit é bom pra quem gasta uns 500 kwh por mes?
product|pt|no_accents|o inversor hibrido substitui o comum ou precisa dos dois?
product|pt|informal|da pra ligar chuveiro eletrico na bateria?
product|pt|terse|vcs instalam em laje?
product|pt|terse|tem painel bifacial?
product|pt|no_accents|quantos anos dura o painel
product|pt|formal|Qual a tensão do inversor do kit 3.3? A rede da minha casa é 127 V.
product|pt|informal|sistema off grid vcs fazem?
product|pt|informal|o painel é certificado pelo inmetro?
product|pt|informal|da pra ampliar depois se meu consumo aumentar?
product|pt|terse|a bateria é de litio?
product|pt|formal|Gostaria de saber se o sistema de vocês possui monitoramento remoto e quais informações o aplicativo exibe.
product|pt|informal|o carregador precisa de disjuntor proprio?
product|pt|informal|em quanto tempo carrega o carro com o wallbox?
product|pt|informal|qual a geração do kit 5.5 aqui no Sul? moro em Curitiba
product|pt|informal|vcs tem kit pra comercio pequeno?
product|pt|informal|instalação em telhado de telha de vidro pode?
product|pt|informal|Meu marido quer saber se precisa limpar as placas e de quanto em quanto tempo
product|pt|informal|a estrutura é de aluminio ou aço?
product|pt|informal|tem loja fisica em recife?
product|pt|terse|entrega pra Porto Alegre?
product|pt|informal|o kit já vem com string box?
product|pt|no_accents|o painel e monocristalino?
product|pt|informal|em quantos anos o sistema se paga aqui no nordeste?
product|pt|informal|posso instalar o kit eu mesmo ou precisa ser tecnico de vcs?
product|pt|informal|o app brisa monitor tem pra iphone?
product|pt|informal|o brisa care cobre dano de raio?
product|pt|informal|o carregador de carro funciona com a energia das placas?
product|pt|informal|a placa aguenta granizo?
product|pt|informal|quantas horas de sol precisa por dia pra valer a pena?
product|pt|informal|o kit 3.3 aguenta um ar condicionado ligado a noite toda?
product|pt|informal|vcs vendem pra fora do brasil? to no uruguai
product|pt|informal|precisa de internet pro sistema funcionar?
product|pt|terse|qual a potencia do painel?
product|pt|informal|meu sitio n tem rede eletrica, da pra colocar solar assim msm?
product|pt|informal|é melhor o telhado virado pro norte?
product|pt|informal|o inversor precisa ficar na sombra?
product|pt|informal|quais documentos precisa pra fazer a homologação?
product|pt|informal|a conta de luz tá no nome da minha mãe, mesmo assim vcs conseguem instalar?
product|pt|typos|o kit 5.5 vem com quantos pineis e qual inversor?
product|pt|long|to reformando a casa e vou trocar o telhado de fibrocimento por telha ceramica colonial, mas so termino em dezembro. queria entender se a placa de voces da pra colocar nesse tipo de telha e se tem algum cuidado especial
product|en|informal|What's the difference between the 3.3 and 5.5 kits?
product|en|informal|Does the SB-550M hold up near the sea?
product|en|informal|What's the efficiency of your panels?
product|en|terse|Do you install in Salvador?
product|en|informal|How long does the battery last during a blackout?
product|en|informal|Is the EV charger compatible with a Tesla Model 3?
product|en|informal|Will the system keep working during a power outage?
product|en|informal|What's the open-circuit voltage of the SB-550M?
product|en|informal|How many batteries can be connected in parallel?
product|en|informal|Do you have the hybrid inverter in stock?
product|en|informal|Does the 8.2 kit need three-phase power?
product|en|informal|How long is the warranty on the inverter?
product|en|informal|Can I add more panels later if my consumption goes up?
product|en|informal|Which roof types do you install on?
product|en|informal|What does the Brisa Monitor app show?
product|en|informal|Does Brisa Care cover hail damage?
product|en|informal|What size breaker does the wallbox need?
product|en|terse|Do you ship to Uruguay?
product|en|informal|How much roof space does the 8.2 kit take?
product|en|informal|Can I go solar if I live in an apartment?
product|en|informal|Are your panels INMETRO certified?
product|en|informal|What happens to the extra energy I produce?
product|en|informal|Does the system generate on cloudy days?
product|en|terse|how many panels in the 5.5 kit
product|en|terse|Is the battery LiFePO4?
product|en|informal|Can the charger run only on surplus solar power?
product|en|informal|Can I keep the AC running on battery backup?
product|en|formal|What is the temperature coefficient of Pmax for the SB-550M module?
product|en|informal|How long does the whole installation process take, from order to generating?
product|en|informal|Do you work on systems installed by other companies?
product|en|informal|We're an installer in Recife — what training do partners get?
product|en|long|I'm comparing your kit with another brand my neighbour used. Theirs has full-cell panels and a string inverter without wifi. Are your panels half-cell, and does your inverter come with monitoring built in?
product|en|typos|does the inverter need wifi to wrok?
product|mixed|informal|o painel é half-cell ou full?
product|mixed|informal|vcs atendem em João Pessoa? I'm moving there next month
product|mixed|informal|a battery aguenta quantas horas?
product|mixed|informal|o kit 5.5 tem quantos painéis, and what inverter?
product|mixed|informal|works with cloudy weather? aqui chove muito
product|mixed|terse|the charger é Type 2?
product|mixed|informal|tem o inversor híbrido in stock?
product|mixed|terse|qual a warranty do painel?
product|mixed|informal|posso add bateria later?
product|mixed|informal|o app works no iPhone?
product|mixed|informal|difference entre o SB-INV-3K e o 5K?
small_talk|pt|terse|oi
small_talk|pt|terse|bom dia!
small_talk|pt|terse|obrigado!!
small_talk|pt|slang|valeu, ajudou demais
small_talk|pt|terse|vc é robô?
small_talk|pt|terse|tchau
small_talk|pt|emoji|boa noite 🌙
small_talk|pt|emoji|👍
small_talk|pt|terse|ok
small_talk|pt|slang|blz
small_talk|pt|slang|kkkkkk
small_talk|pt|slang|td bem?
small_talk|pt|emoji|muito obrigada pela atenção, vcs são ótimos ❤️
small_talk|pt|slang|falou
small_talk|pt|informal|vc é humano ou é uma IA?
small_talk|pt|slang|oii tudo bem com vcs?
small_talk|pt|formal|Agradeço o retorno.
small_talk|pt|slang|show de bola
small_talk|en|terse|hi
small_talk|en|informal|thanks a lot!
small_talk|en|informal|are you a bot?
small_talk|en|terse|good morning
small_talk|en|terse|bye
small_talk|en|terse|cheers
small_talk|en|emoji|hello there 👋
small_talk|en|informal|thank you, that's all I needed
small_talk|en|informal|have a nice day
small_talk|mixed|terse|oi, thanks!
small_talk|mixed|terse|valeu, bye
small_talk|mixed|terse|hello, tudo bem?
out_of_scope|pt|informal|me passa uma receita de bolo de cenoura
out_of_scope|pt|slang|quem ganhou o jogo do fortaleza ontem?
out_of_scope|pt|informal|vcs consertam geladeira?
out_of_scope|pt|informal|preciso de um emprestimo pessoal de 5 mil pra pagar minhas dividas
out_of_scope|pt|informal|qual a previsão do tempo pra amanhã em fortaleza?
out_of_scope|pt|informal|vcs vendem ar condicionado?
out_of_scope|pt|informal|como faço pra trocar a titularidade da conta de luz na enel? mudei de casa
out_of_scope|pt|informal|me ajuda com a lição de matemática do meu filho, é fração
out_of_scope|pt|terse|quanto ta o dolar hoje
out_of_scope|pt|informal|vcs alugam gerador a diesel pra festa de casamento?
out_of_scope|pt|informal|quero vender minha casa, conhecem algum corretor bom?
out_of_scope|pt|informal|escreve um poema de amor pra minha namorada
out_of_scope|pt|terse|vcs lavam carro?
out_of_scope|pt|informal|qual o melhor plano de celular pra quem viaja muito?
out_of_scope|pt|typos|onde eu tiro a segunda via do rg em fortaleza
out_of_scope|en|informal|write me a python script that sorts a list
out_of_scope|en|informal|who won the world cup in 2002?
out_of_scope|en|informal|can you recommend a good pizza place in Recife?
out_of_scope|en|informal|I need a personal loan to buy a car
out_of_scope|en|informal|do you repair washing machines?
out_of_scope|en|terse|what's the capital of Australia
out_of_scope|en|informal|translate to French: good morning my friend
out_of_scope|en|informal|can you help me fill in my income tax return?
out_of_scope|mixed|informal|me recomenda um restaurant bom em Natal?
out_of_scope|mixed|informal|qual o best time pra ir pra Jeri?
clarify|pt|informal|preciso de ajuda com meu sistema
clarify|pt|informal|oi, é sobre o inversor
clarify|pt|informal|quero falar sobre o meu kit
clarify|pt|informal|tenho uma dúvida sobre a bateria
clarify|pt|terse|sobre o financiamento
clarify|pt|terse|é sobre o pedido
clarify|pt|terse|ajuda
clarify|pt|informal|preciso falar com alguém
clarify|pt|terse|kit brisa 5.5
clarify|pt|terse|o carregador
clarify|en|informal|I have a question about my panels
clarify|en|informal|need help with the inverter
clarify|en|terse|about the battery
clarify|en|informal|question about financing
clarify|mixed|terse|help com o sistema pls
"""


def main():
    out = pathlib.Path(__file__).resolve().parents[1] / "solar" / "routing.jsonl"
    recs = []
    seen = set()
    for line in DATA.strip().splitlines():
        agent, lang, style, text = line.split("|", 3)
        assert agent in {"sales", "support", "product", "small_talk", "out_of_scope", "clarify"}, line
        assert lang in {"pt", "en", "mixed"}, line
        assert style in {"formal", "informal", "typos", "slang", "no_accents", "emoji", "terse", "long"}, line
        assert text not in seen, text
        seen.add(text)
        recs.append({"id": f"r{len(recs) + 1:04d}", "text": text, "agent": agent, "lang": lang, "style": style})
    with out.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records ->", out)


if __name__ == "__main__":
    main()
