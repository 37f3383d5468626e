"""Builds evals/solar/questions.jsonl (knowledge-base questions over knowledge_svc/sample_kb/).

Each line: document_id|lang|question|fact1;;fact2;;...   ("-" as document_id = unanswerable, no facts).
Facts are alternatives. The script checks that at least one fact of every answerable question is
literally present in its document (case- and accent-insensitive, whitespace collapsed) and prints the
facts that are not (those are meant as cross-language/format alternatives).
Run evals/split.py afterwards to add the `split` field.
"""
import json
import pathlib
import re
import sys
import unicodedata

DATA = r"""
baterias-e-backup|pt|qual a capacidade da bateria SB-BAT-5?|5,12 kWh;;5.12 kWh
baterias-e-backup|pt|quantas baterias da pra ligar em paralelo?|4 baterias;;4 batteries;;four batteries
baterias-e-backup|en|How many cycles does the SB-BAT-5 battery last?|6.000 ciclos;;6,000 cycles;;6000 cycles
baterias-e-backup|pt|qto pesa a bateria?|48 kg
baterias-e-backup|pt|em qnto tempo o inversor hibrido assume quando cai a luz?|20 milissegundos;;20 ms;;20 milliseconds
baterias-e-backup|pt|quanto custa o inversor hibrido SB-HYB-5K|R$ 7.900;;R$ 7,900;;7.900
baterias-e-backup|en|how long will one battery keep my fridge, lights and TV running with no grid?|8 a 12 horas;;8 to 12 hours;;8-12 hours
baterias-e-backup|pt|sistema off grid pra sitio tem quantos dias de autonomia?|2 dias;;2 days;;dois dias;;two days
baterias-e-backup|pt|qual a profundidade de descarga da bateria de vcs|90%
brisa-care-extended-warranty|pt|o brisa care estende a garantia da instalação pra quantos anos?|5 years;;5 anos;;cinco anos
brisa-care-extended-warranty|en|How much does Brisa Care cost per month?|R$ 39
brisa-care-extended-warranty|pt|qto é o brisa care no plano anual|R$ 420
brisa-care-extended-warranty|en|What does Brisa Care Plus cost?|R$ 59
brisa-care-extended-warranty|pt|o brisa care plus aumenta a garantia do inversor pra quanto tempo?|15 years;;15 anos;;10 to 15
brisa-care-extended-warranty|en|With Brisa Care, how fast does a technician come out?|2 business days;;2 dias úteis
brisa-care-extended-warranty|pt|meu sistema foi instalado por outra empresa, posso entrar no brisa care? quanto custa a vistoria|R$ 350
brisa-care-extended-warranty|en|how much notice do I need to give to cancel Brisa Care?|30 days;;30 dias
brisa-care-extended-warranty|pt|se meu inversor quebrar e eu tiver o plano, em qto tempo vcs emprestam outro?|24 hours;;24 horas
business-customers-and-installers|en|What discount do Silver partners get?|12%
business-customers-and-installers|pt|parceiro gold tem qnto de desconto?|18%
business-customers-and-installers|pt|quanto tenho q comprar por trimestre pra ser parceiro gold?|R$ 150,000;;R$ 150.000;;150 mil;;150.000;;150,000
business-customers-and-installers|en|what certificates does the technician need for the installer partner registration?|NR-10;;NR-35;;NR 10;;NR 35
business-customers-and-installers|pt|qual o pedido minimo pra exportar painel pro paraguai?|40 panels;;40 painéis;;40 placas
business-customers-and-installers|en|What payment terms do companies get when paying by boleto?|28-day;;28 days;;28 dias
business-customers-and-installers|pt|painel solar paga ICMS? qual convenio isenta?|101/97
business-customers-and-installers|pt|sou parceiro, ate que horas faço o pedido pra sair do deposito no mesmo dia?|14:00;;14h;;2 pm;;2pm
business-customers-and-installers|en|How long is the free training for installer partners?|two days;;2 days;;dois dias;;2 dias
catalogo-kits-residenciais|pt|quantos paineis vem no kit 3.3|6 painéis;;6 panels;;seis painéis;;6 placas
catalogo-kits-residenciais|en|Which inverter comes with the Brisa 5.5 kit?|SB-INV-5K
catalogo-kits-residenciais|pt|qto gera o kit 8.2 por mes?|1.050 kWh;;1,050 kWh;;1050 kWh
catalogo-kits-residenciais|pt|area de telhado q precisa pro kit 5.5|27 m²;;27 m2;;27 square meters;;27 metros quadrados
catalogo-kits-residenciais|en|Which of the residential kits requires a three-phase connection?|8.2;;SB-KIT-820
catalogo-kits-residenciais|pt|qual a taxa minima da distribuidora na ligaçao bifasica?|50 kWh
catalogo-kits-residenciais|en|In the South and Southeast, how much less do the kits generate?|10% a 15%;;10% to 15%;;10 to 15%;;10-15%
catalogo-kits-residenciais|pt|o kit 3.3 é indicado pra conta de luz de até quanto?|R$ 350
catalogo-kits-residenciais|en|what is the total weight of the panels in the 3.3 kit?|168 kg
company-overview|pt|em q ano a solarbrisa foi fundada?|2014
company-overview|pt|qual o numero do whatsapp de vcs?|3000-1234;;3000 1234;;30001234
company-overview|en|What are your opening hours on Saturdays?|8:00 to 12:00;;8:00 às 12:00;;8h às 12h;;8h-12h;;8:00-12:00;;8 to 12
company-overview|pt|quantos sistemas solares vcs ja instalaram?|8,000;;8.000;;8 mil
company-overview|en|What's the e-mail for sales?|vendas@solarbrisa.com.br
company-overview|pt|onde fica o showroom de vcs|Beira Mar 1500
company-overview|pt|vcs instalam com equipe propria ate quantos km da filial?|150 km
company-overview|pt|qual o email do suporte tecnico|suporte@solarbrisa.com.br
datasheet-sb550m-panel|pt|qual a eficiencia do painel sb-550m?|21.3%;;21,3%
datasheet-sb550m-panel|en|What's the open-circuit voltage (Voc) of the SB-550M?|49.9 V;;49,9 V;;49.9V;;49,9V
datasheet-sb550m-panel|pt|quais as dimensoes do painel de 550w?|2279 × 1134 × 35 mm;;2279 x 1134 x 35;;2279;;2.279
datasheet-sb550m-panel|pt|qnto pesa cada placa?|28 kg
datasheet-sb550m-panel|en|how many cells does the SB-550M have|144
datasheet-sb550m-panel|pt|qual o coeficiente de temperatura da potencia maxima do modulo?|-0.35%;;-0,35%;;0.35%;;0,35%
datasheet-sb550m-panel|en|What's the maximum system voltage of the panel?|1500 V;;1.500 V;;1500V;;1,500 V
datasheet-sb550m-panel|pt|o painel pode ficar perto do mar? tem alguma certificação de nevoa salina?|IEC 61701
datasheet-sb550m-panel|pt|quanto a geração cai quando a placa chega a 60 graus no telhado?|12%
ev-charger-sb-ev7|pt|qual a potencia do carregador sb-ev7|7.4 kW;;7,4 kW;;7.4kW;;7,4kW
ev-charger-sb-ev7|pt|o cabo do carregador veicular tem qnts metros?|5-metre;;5 metros;;5 meters;;5 metres;;5 m
ev-charger-sb-ev7|en|how many km of range does one hour of charging add?|40 km
ev-charger-sb-ev7|pt|quanto tempo leva pra carregar um carro de 50 kWh de 20 a 100%?|6 hours;;6 horas;;seis horas
ev-charger-sb-ev7|pt|que disjuntor o wallbox precisa?|40 A;;40A
ev-charger-sb-ev7|en|What residual-current device does the SB-EV7 require?|30 mA;;30mA
ev-charger-sb-ev7|pt|o preço instalado do carregador inclui quantos metros de cabo?|15 metres;;15 metros;;15 meters;;15 m
ev-charger-sb-ev7|en|If I drive 1,000 km a month, how many extra panels do I need for the car?|three extra panels;;3 extra panels;;três painéis;;3 painéis;;150 kWh
financiamento-solar|en|What's the longest financing term you offer?|72 meses;;72 months
financiamento-solar|pt|a primeira parcela do financiamento vence qnd?|120 dias;;120 days
financiamento-solar|pt|qual a menor taxa de juros do financiamento?|1,29%;;1.29%
financiamento-solar|en|Which partners do you use for solar financing?|Banco Parceiro Sol;;CrediNordeste
financiamento-solar|pt|precisa dar entrada pra financiar?|sem entrada;;100%;;no down payment
financiamento-solar|pt|quanto tempo demora pra aprovar o credito|48 horas;;48 hours;;48h
financiamento-solar|pt|minha empresa precisa ter qnto tempo de cnpj pra financiar?|1 ano;;1 year;;um ano
financiamento-solar|en|In your example simulation, what's the monthly instalment for the 5.5 kit over 60 months?|R$ 620
financiamento-solar|pt|q documentos tenho q mandar pra pedir o financiamento?|RG ou CNH;;comprovante de renda;;proof of income
garantia|en|How long is the warranty against manufacturing defects on the panels?|12 anos;;12 years
garantia|pt|qual a garantia de desempenho das placas?|25 anos;;25 years
garantia|pt|no 25º ano o painel ainda tem qnto da potencia?|84,8%;;84.8%
garantia|en|What's the warranty on the SB-EV7 charger?|3 anos;;3 years;;three years
garantia|pt|qual a garantia da bateria sb-bat-5?|8 anos;;8 years
garantia|pt|a instalação tem garantia de quanto tempo?|2 anos;;2 years;;dois anos
garantia|pt|qual email eu uso pra acionar a garantia?|garantia@solarbrisa.com.br
garantia|en|Once a defect is confirmed, how long until the part is replaced?|30 dias;;30 days
garantia|pt|o inversor foi pra analise, vcs emprestam um reserva? a partir de quando?|10 dias;;10 days
instalacao-e-homologacao|pt|qnto tempo do fechamento do pedido ate o sistema gerar?|30 a 45 dias;;30 to 45 days;;30-45 dias
instalacao-e-homologacao|en|How soon after the order is the technical visit scheduled?|3 dias úteis;;3 business days;;3 working days
instalacao-e-homologacao|pt|a homologação na distribuidora demora quanto?|15 a 30 dias;;15 to 30 days;;15-30 dias
instalacao-e-homologacao|pt|a instalação em si leva quantos dias?|1 a 3 dias;;1 to 3 days;;1-3 dias
instalacao-e-homologacao|en|How long after the inspection does the utility swap the meter?|7 dias;;7 days;;seven days
instalacao-e-homologacao|pt|telhado virado pro oeste perde quanto de geração?|5% a 12%;;5% to 12%;;5 a 12%;;5-12%
instalacao-e-homologacao|pt|em qnto tempo sai a ART do projeto?|5 dias úteis;;5 business days
instalacao-e-homologacao|en|What do I need to have near the inverter so the monitoring works?|Wi-Fi;;wifi
instalacao-e-homologacao|pt|pra qual lado os painéis tem q ficar virados?|norte;;north
inverter-error-codes|pt|o que significa o erro E-101 no inversor?|sobretensão;;overvoltage;;tensão alta;;253 V
inverter-error-codes|pt|E-105: quanto tempo o inversor demora pra religar depois q a luz volta?|60 seconds;;60 segundos;;1 minuto;;1 minute
inverter-error-codes|en|At what temperature does the inverter show E-301?|75 °C;;75°C;;75 ºC;;75 degrees;;75 graus
inverter-error-codes|pt|qnts cm de espaço livre precisa em volta do inversor?|30 cm
inverter-error-codes|en|Error E-302 only happens on which inverter model?|X3-8K
inverter-error-codes|pt|o que quer dizer E-202|reverse polarity;;polaridade invertida;;polaridade reversa;;invertidos
inverter-error-codes|pt|pra reiniciar o inversor quanto tempo tenho q esperar com tudo desligado?|5 minutes;;5 minutos
inverter-error-codes|en|Below what voltage does the E-102 undervoltage error trigger?|187 V;;187V
inverter-error-codes|pt|o erro de sobretensão aparece acima de quantos volts?|253 V;;253V
maintenance-and-monitoring|pt|de qnto em qnto tempo tenho q limpar as placas?|6 months;;6 meses;;seis meses
maintenance-and-monitoring|pt|moro perto do mar, limpo as placas de qnto em qnto tempo?|3 months;;3 meses;;três meses
maintenance-and-monitoring|en|How much output can dirty panels lose?|5% to 15%;;5% a 15%;;5-15%
maintenance-and-monitoring|pt|posso lavar as placas com lavadora de alta pressao?|high-pressure;;alta pressão;;alta pressao
maintenance-and-monitoring|pt|o app avisa qnd a geração do dia fica quanto abaixo do esperado?|30%
maintenance-and-monitoring|en|Is the Brisa Monitor app available for iPhone?|iOS
maintenance-and-monitoring|pt|qual o melhor horario pra limpar os paineis?|early in the morning;;manhã;;manha;;morning
maintenance-and-monitoring|en|What does a technician check in the yearly inspection?|thermal;;térmica;;termica;;hot spots;;connectors;;conectores
maintenance-and-monitoring|en|After the meter is replaced, what does my electricity bill show?|credit balance;;saldo de créditos;;injected;;injetada
perguntas-frequentes|pt|em dia nublado gera qnto?|10% a 30%;;10% to 30%;;10 a 30%
perguntas-frequentes|en|What's the payback time in the Northeast?|3 e 5 anos;;3 and 5 years;;3 to 5 years;;3 a 5 anos;;3-5 years
perguntas-frequentes|pt|os creditos de energia valem por quanto tempo?|60 meses;;60 months;;5 anos
perguntas-frequentes|en|Which year is Law 14.300 from?|2022
perguntas-frequentes|pt|com a taxaçao do sol ainda economiza qto na conta?|70% e 90%;;70% a 90%;;70% to 90%;;70-90%
perguntas-frequentes|pt|moro em ap, como faço pra ter solar?|autoconsumo remoto;;remote self-consumption
perguntas-frequentes|en|Will my electricity bill go down to zero?|taxa mínima;;minimum fee;;custo de disponibilidade;;iluminação pública;;public lighting
perguntas-frequentes|pt|pq o sistema desliga qnd falta luz na rua?|anti-ilhamento;;anti-islanding
politica-de-privacidade|pt|qual o email pra pedir a exclusão dos meus dados?|privacidade@solarbrisa.com.br
politica-de-privacidade|en|Who is your data protection officer?|Mariana Costa
politica-de-privacidade|pt|qnto tempo vcs guardam as conversas do chat?|12 meses;;12 months
politica-de-privacidade|pt|pedi orçamento e nao comprei, quando vcs apagam meus dados?|24 meses;;24 months;;2 anos
politica-de-privacidade|en|How long do you keep customer data after the contract ends?|5 anos;;5 years
politica-de-privacidade|pt|em quantos dias vcs respondem um pedido de acesso aos dados (LGPD)?|15 dias;;15 days
politica-de-privacidade|pt|vcs vendem meus dados pra terceiros?|não vendemos;;do not sell;;don't sell
politica-de-privacidade|en|Which law does your privacy policy follow?|13.709/2018;;13.709;;LGPD
politica-de-trocas-e-devolucoes|pt|qnts dias eu tenho pra desistir de uma compra feita pelo whatsapp?|7 dias;;7 days;;sete dias
politica-de-trocas-e-devolucoes|en|If I change my mind, who pays the return shipping?|pago pela SolarBrisa;;paid by SolarBrisa;;SolarBrisa pays;;SolarBrisa paga
politica-de-trocas-e-devolucoes|pt|qual o email pra pedir troca?|trocas@solarbrisa.com.br
politica-de-trocas-e-devolucoes|pt|paguei no pix, o reembolso cai em quanto tempo?|5 dias úteis;;5 business days;;5 working days
politica-de-trocas-e-devolucoes|en|I paid by credit card, when will the refund show up?|duas faturas;;two statements;;two bills;;2 faturas;;two invoices;;two billing cycles
politica-de-trocas-e-devolucoes|pt|produto com defeito, tenho ate quando pra trocar?|90 dias;;90 days
politica-de-trocas-e-devolucoes|pt|o painel chegou trincado, qual o prazo pra avisar vcs?|48 horas;;48 hours;;48h
politica-de-trocas-e-devolucoes|en|After I ask for a return, how long until I get the shipping label?|2 dias úteis;;2 business days;;2 working days
politica-de-trocas-e-devolucoes|pt|o kit ja foi instalado, ainda posso usar o direito de arrependimento?|serviços executados;;contrato de instalação;;installation contract
tabela-de-precos|pt|qnto custa o kit 3.3 instalado?|R$ 16.990;;R$ 16,990;;16.990
tabela-de-precos|en|What's the price of the 8.2 kit without installation?|R$ 28.900;;R$ 28,900;;28.900
tabela-de-precos|pt|quanto é o painel avulso?|R$ 890
tabela-de-precos|pt|qual o desconto pagando no pix?|5%
tabela-de-precos|en|How many interest-free installments on a credit card?|12 vezes;;12 installments;;12x;;12 instalments
tabela-de-precos|pt|o frete é gratis pra onde?|capitais do Nordeste;;Northeast capitals;;capitals in the Northeast
tabela-de-precos|pt|moro a 200 km da base, quanto cobram de deslocamento?|R$ 2,50;;R$ 2.50
tabela-de-precos|en|How much extra for a ground-mounted structure?|R$ 1.200;;R$ 1,200
tabela-de-precos|en|What's the delivery time outside the Northeast?|7 a 15 dias úteis;;7 to 15 business days;;7-15 business days;;7 to 15 working days
-|pt|vcs tem kit com microinversor?|
-|pt|qual a marca das celulas dos paineis de vcs?|
-|pt|a bateria sb-bat-5 aguenta ate qual temperatura ambiente?|
-|en|How many years is the warranty on the SB-HYB-5K hybrid inverter?|
-|en|Do you sell solar water heaters for showers?|
-|pt|vcs tem energia solar por assinatura, tipo alugar as placas em vez de comprar?|
-|en|Is there a 22 kW version of the SB-EV7 charger?|
-|en|What is the IP rating of the SB-EV7 wallbox?|
-|pt|quanto custa uma limpeza avulsa das placas?|
-|pt|qual o preço da inspeção anual se eu nao tiver o brisa care?|
-|pt|qual o peso do inversor SB-INV-5K?|
-|en|What's the conversion efficiency of the SB-INV-5K inverter?|
-|pt|vcs aceitam pagamento em bitcoin?|
-|en|What's the MPPT voltage range of the 5 kW inverter?|
-|pt|o brisa care cobre furto das placas?|
-|en|How much does the SB-KIT-PRO cost per kWp?|
-|en|Can I get a discount for buying during the winter months?|
-|pt|quantos tecnicos vcs tem na filial de salvador?|
-|pt|a proposta comercial vale por quantos dias?|
-|en|What's the first-year degradation of the SB-550M panel?|
-|pt|vcs instalam painel solar em barco ou motorhome?|
-|en|What colour is the frame of the SB-550M panel?|
-|pt|vcs tem programa de indicação? ganho desconto se indicar um amigo?|
-|en|Is the SB-HYB-5K hybrid inverter single-phase or three-phase?|
-|pt|qual o consumo do inversor em standby a noite?|
"""


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).lower()


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    kb = root / "knowledge_svc" / "sample_kb"
    docs = {p.stem: norm(p.read_text(encoding="utf-8", errors="replace")) for p in kb.iterdir()}
    out = root / "evals" / "solar" / "questions.jsonl"
    recs, bad = [], 0
    for line in DATA.strip().splitlines():
        doc, lang, q, facts = line.split("|", 3)
        assert lang in {"pt", "en"}, line
        if doc == "-":
            recs.append({"id": f"q{len(recs) + 1:03d}", "question": q, "lang": lang, "document_id": "",
                         "facts": [], "answerable": False})
            continue
        assert doc in docs, doc
        fl = [f.strip() for f in facts.split(";;") if f.strip()]
        present = [f for f in fl if norm(f) in docs[doc]]
        if not present:
            bad += 1
            print("NO FACT PRESENT:", line, file=sys.stderr)
        for f in fl:
            if f not in present:
                print(f"  alt not in doc ({doc}): {f!r}")
        recs.append({"id": f"q{len(recs) + 1:03d}", "question": q, "lang": lang, "document_id": doc,
                     "facts": fl, "answerable": True})
    with out.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "questions ->", out, "; without a literal fact:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
