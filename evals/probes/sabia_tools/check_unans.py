import sys
sys.path.insert(0,'/tmp/blindkb/tools')
from build import docs, norm
KW = {
 "5,5 kwp":["5,5","5.5"], "SB-INV-5K inverter weigh":["inversor","inverter"], "22 kW EV charger":["weight","peso"],
 "FGTS":["fgts"], "salvador":["salvador"], "semestral":["semestral","semiannual","6 mes"],
 "above 15 kWp":["15 kwp"], "garantia da bateria":["bateria","battery"], "hybrid efficiency":["efficien","eficien"],
 "IOF":["iof"], "bifacial":["bifacial"], "SB-INV-8K alone":["sb-inv-8k"], "otimizador":["otimizador","optimizer"],
 "round-trip":["round","eficien","efficien"], "mudar casa":["reloc","mudan","mudar","reinstal","moving"],
 "aquecedor":["aquecedor","aquecimento","agua quente","water heater"], "wind":["eolic","wind","turbin"],
 "servidor":["servidor","public serv"], "assinatura":["assinatura","aluguel","alugar","subscription","rent"],
 "motorhome":["motorhome","barco","boat","trailer"], "indicacao":["indica","referral"], "emprego":["curriculo","vaga","emprego","job","career","hiring"],
 "IPTU":["iptu","imposto","tax"], "diesel":["diesel","gerador"], "black friday":["black","promo"], "LED":["led"],
 "ampliar":["ampli","expan","mais placas","adicionar"], "SPDA":["spda","para-raio","pararaio","lightning rod"],
 "carbon":["carbon","co2","footprint"], "camera":["camera","seguranca"], "tempo":["previsao","tempo amanha","weather"],
 "ar":["ar-condicionado","ar condicionado"], "sport":["sport","jogo"], "dollar":["dolar","dollar","cambio"], "bolo":["bolo","receita"],
 "license":["license","habilita"], "celular":["celular","tela"], "australia":["australia","canberra"], "gasolina":["gasolina","combust"],
 "internet":["fibra","internet plan","plano de internet"],
}
for k, words in KW.items():
    for w in words:
        for d, t in docs.items():
            nt = norm(t); i = nt.find(norm(w))
            while i != -1:
                print(f"[{k}] {w!r} in {d}: ...{nt[max(0,i-70):i+70].replace(chr(10),' ')}...")
                i = nt.find(norm(w), i+1)
