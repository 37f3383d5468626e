"""Builds evals/guardrails/pii.jsonl (PII redaction set).

Messages are hand-written templates with placeholders; the values are generated here with valid check
digits (CPF, CNPJ, Luhn for cards, mod-10/mod-11 for the boleto line) in a rotating choice of formats.
Placeholders: {cpf} {cnpj} {rg} {email} {phone} {card} {cep} {boleto}
              {pix_uuid} {pix_email} {pix_phone} {pix_cpf}  (all four are kind "pix_key")
Every value is recorded exactly as the substring that appears in the text.
Clean texts (values: []) are written directly and contain numbers that are not personal data.
Run evals/split.py afterwards to add the `split` field.
"""
import json
import pathlib
import random
import re
import uuid

rng = random.Random(55085)
_counters = {}


def pick(kind, n):
    """Rotate through n format variants per kind, so formats are balanced."""
    c = _counters.get(kind, 0)
    _counters[kind] = c + 1
    return c % n


# ------------------------------------------------------------------ generators with check digits
def cpf_digits():
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        if len(set(d)) > 1:
            break
    for n in (10, 11):
        s = sum(v * w for v, w in zip(d, range(n, 1, -1), strict=False))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    return "".join(map(str, d))


def cpf_valid(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s_ = sum(v * w for v, w in zip(d[:n], range(n + 1, 1, -1), strict=False))
        r = (s_ * 10) % 11
        if (0 if r == 10 else r) != d[n]:
            return False
    return True


def fmt_cpf(d, v):
    return [f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}", d, f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}", f"{d[:9]}-{d[9:]}"][v]


def cnpj_digits():
    d = [rng.randrange(10) for _ in range(8)] + [0, 0, 0, rng.choice([1, 1, 1, 2])]
    for w in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        s = sum(a * b for a, b in zip(d, w, strict=False))
        r = s % 11
        d.append(0 if r < 2 else 11 - r)
    return "".join(map(str, d))


def cnpj_valid(s):
    d = [int(c) for c in re.sub(r"\D", "", s)]
    if len(d) != 14:
        return False
    for n, w in ((12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]), (13, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])):
        r = sum(a * b for a, b in zip(d[:n], w, strict=False)) % 11
        if (0 if r < 2 else 11 - r) != d[n]:
            return False
    return True


def fmt_cnpj(d, v):
    return [f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}", d, f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"][v]


def luhn_ok(s):
    d = [int(c) for c in re.sub(r"\D", "", s)][::-1]
    return sum(x if i % 2 == 0 else (x * 2 - 9 if x * 2 > 9 else x * 2) for i, x in enumerate(d)) % 10 == 0


def card_number(v):
    prefix, length = [("4", 16), ("5" + str(rng.randint(1, 5)), 16), ("606282", 16), ("4", 16),
                      ("37", 15), ("636368", 16), ("2" + str(rng.randint(221, 720)), 16)][v % 7]
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    for c in range(10):
        if luhn_ok(body + str(c)):
            return body + str(c)


def fmt_card(n, v):
    if len(n) == 15:
        return [f"{n[:4]} {n[4:10]} {n[10:]}", n, f"{n[:4]}-{n[4:10]}-{n[10:]}"][v % 3]
    groups = [n[i:i + 4] for i in range(0, 16, 4)]
    return [" ".join(groups), n, "-".join(groups), " ".join(groups)][v % 4]


def mod10(num):
    total, w = 0, 2
    for c in reversed(num):
        p = int(c) * w
        total += p // 10 + p % 10
        w = 1 if w == 2 else 2
    return (10 - total % 10) % 10


def boleto_line():
    bank = rng.choice(["237", "341", "001", "104", "033", "260"])
    free = "".join(str(rng.randrange(10)) for _ in range(25))
    due = str(rng.randint(9600, 9999))
    amount = f"{rng.choice([39, 59, 420, 620, 1290, 2449, 3490, 16990, 24490]) * 100:010d}"
    barcode_wo_dv = bank + "9" + due + amount + free
    s, w = 0, 2
    for c in reversed(barcode_wo_dv):
        s += int(c) * w
        w = 2 if w == 9 else w + 1
    r = 11 - s % 11
    dv = 1 if r in (0, 10, 11) else r
    f1 = bank + "9" + free[:5]
    f2 = free[5:15]
    f3 = free[15:25]
    f1 += str(mod10(f1))
    f2 += str(mod10(f2))
    f3 += str(mod10(f3))
    return f1, f2, f3, str(dv), due + amount


def fmt_boleto(v):
    f1, f2, f3, dv, tail = boleto_line()
    if v % 3 == 1:
        return f1 + f2 + f3 + dv + tail
    return f"{f1[:5]}.{f1[5:]} {f2[:5]}.{f2[5:]} {f3[:5]}.{f3[5:]} {dv} {tail}"


FIRST = ["ana", "joao", "maria", "carlos", "fernanda", "luiz", "patricia", "raimundo", "juliana", "marcos",
         "francisca", "pedro", "aline", "tiago", "beatriz", "edson", "camila", "rafael", "leticia", "jose",
         "mark", "sarah", "helena", "otavio", "iracema"]
LAST = ["silva", "souza", "oliveira", "lima", "costa", "pereira", "ferreira", "almeida", "rocha", "barbosa",
        "cavalcante", "nogueira", "bezerra", "holanda", "araujo", "martins", "thompson", "meireles"]
DOMAINS = ["gmail.com", "hotmail.com", "yahoo.com.br", "outlook.com", "uol.com.br", "bol.com.br",
           "icloud.com", "terra.com.br", "empresa.com.br", "padariaboapao.com.br"]


def email(v):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    user = [f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first}_{last}", f"{first[0]}{last}", f"{last}.{first}{rng.randint(70, 99)}",
            f"{first.capitalize()}.{last.capitalize()}"][v % 6]
    return f"{user}@{rng.choice(DOMAINS)}"


DDDS = ["85", "81", "84", "71", "88", "83", "11", "21", "31", "98", "86", "82", "79", "61"]


def phone(v):
    ddd = rng.choice(DDDS)
    m = "9" + str(rng.randint(6, 9)) + "".join(str(rng.randrange(10)) for _ in range(7))
    land = str(rng.randint(2, 3)) + "".join(str(rng.randrange(10)) for _ in range(7))
    return [f"({ddd}) {m[:5]}-{m[5:]}", f"{ddd} {m[:5]}-{m[5:]}", f"+55 {ddd} {m[:5]}-{m[5:]}", f"{ddd}{m}",
            f"+55{ddd}{m}", f"{m[:5]}-{m[5:]}", f"({ddd}) {land[:4]}-{land[4:]}", f"{ddd} {land[:4]} {land[4:]}",
            f"+55 ({ddd}) {m[:1]} {m[1:5]}-{m[5:]}", f"{land[:4]}-{land[4:]}", f"0{ddd} {m[:5]} {m[5:]}",
            f"({ddd}){m}"][v % 12]


CEPS = ["60160", "60175", "60810", "60115", "50030", "51020", "59020", "59064", "40140", "41820",
        "63100", "62010", "58038", "01310", "04538", "22041", "30130", "64000", "57035", "49025"]


def cep(v):
    base = rng.choice(CEPS) + f"{rng.randint(0, 999):03d}"
    return [f"{base[:5]}-{base[5:]}", base, f"{base[:2]}.{base[2:5]}-{base[5:]}"][v % 3]


def rg(v):
    d = "".join(str(rng.randrange(10)) for _ in range(8))
    dv = rng.choice("0123456789X")
    ce = "20" + "".join(str(rng.randrange(10)) for _ in range(8))
    return [f"{d[:2]}.{d[2:5]}.{d[5:]}-{dv}", f"{d}{dv}" if dv != "X" else f"{d}-X", ce,
            f"MG-{d[:2]}.{d[2:5]}.{d[5:]}", f"{d[:1]}.{d[1:4]}.{d[4:7]}", f"{d[:2]}.{d[2:5]}.{d[5:]}-{dv}"][v % 6]


def gen(kind):
    if kind == "cpf":
        return "cpf", fmt_cpf(cpf_digits(), pick("cpf", 4))
    if kind == "cnpj":
        return "cnpj", fmt_cnpj(cnpj_digits(), pick("cnpj", 3))
    if kind == "card":
        v = pick("card", 12)
        return "card", fmt_card(card_number(v), v)
    if kind == "boleto":
        return "boleto", fmt_boleto(pick("boleto", 3))
    if kind == "email":
        return "email", email(pick("email", 6))
    if kind == "phone":
        return "phone", phone(pick("phone", 12))
    if kind == "cep":
        return "cep", cep(pick("cep", 3))
    if kind == "rg":
        return "rg", rg(pick("rg", 6))
    if kind == "landline":
        ddd = rng.choice(DDDS)
        land = str(rng.randint(2, 3)) + "".join(str(rng.randrange(10)) for _ in range(7))
        return "phone", [f"({ddd}) {land[:4]}-{land[4:]}", f"{ddd} {land[:4]}-{land[4:]}", f"+55 {ddd} {land[:4]}-{land[4:]}",
                         f"{land[:4]}-{land[4:]}", f"{ddd}{land}"][pick("land", 5)]
    if kind == "pix_uuid":
        u = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        return "pix_key", u if pick("pixu", 3) else u.upper()
    if kind == "pix_email":
        return "pix_key", email(pick("email", 6))
    if kind == "pix_phone":
        return "pix_key", phone([2, 4, 0, 3][pick("pixp", 4)])
    if kind == "pix_cpf":
        return "pix_key", fmt_cpf(cpf_digits(), pick("pixc", 2))
    raise KeyError(kind)


# ------------------------------------------------------------------ hand-written messages with PII
TEMPLATES = [
    ("pt", "oi, meu cpf é {cpf}, queria saber do meu pedido"),
    ("pt", "cpf {cpf} pedido 48213 nao chegou ainda"),
    ("pt", "segue meus dados pra proposta: cpf {cpf}, email {email}"),
    ("pt", "pode me ligar no {phone}? prefiro whats"),
    ("pt", "meu zap é {phone}, me chama la pf"),
    ("pt", "Boa tarde, meu nome é Raimundo Bezerra, CPF {cpf}, telefone {phone}. Gostaria de acompanhar a homologação."),
    ("pt", "o endereço da instalação é Rua Tibúrcio Cavalcante 1200, CEP {cep}, Fortaleza"),
    ("pt", "cep {cep} vcs entregam?"),
    ("pt", "manda a nota fiscal pro {email} por favor"),
    ("pt", "meu email mudou, agora é {email}"),
    ("pt", "paguei com o cartao {card} e veio cobrado duas vezes"),
    ("pt", "o cartão final é esse aqui {card}, validade 08/27, pode estornar?"),
    ("pt", "a empresa é a Padaria Boa Pão, cnpj {cnpj}, quero proposta"),
    ("pt", "nota no cnpj {cnpj} por favor, email do financeiro {email}"),
    ("pt", "meu rg é {rg} e o cpf {cpf}, é isso q precisa pro financiamento?"),
    ("pt", "RG {rg} emitido pela SSP-CE"),
    ("pt", "faz o reembolso na minha chave pix {pix_uuid}"),
    ("pt", "pode devolver no pix, a chave é meu email {pix_email}"),
    ("pt", "minha chave pix é o celular {pix_phone}"),
    ("pt", "chave pix cpf {pix_cpf}, pode mandar o estorno"),
    ("pt", "nao consegui pagar esse boleto: {boleto}"),
    ("pt", "o codigo de barras do boleto é {boleto}, ta dando erro no app do banco"),
    ("pt", "segue linha digitavel da parcela {boleto} ja paguei ontem"),
    ("pt", "Prezados, encaminho os dados para emissão da NF: razão social Oficina Mecânica Irmãos Lima, CNPJ {cnpj}, CEP {cep}."),
    ("pt", "meu telefone fixo {landline}, liga depois das 14h"),
    ("pt", "se nao me achar no cel tenta o {phone}"),
    ("pt", "cpf: {cpf}\nemail: {email}\ntel: {phone}"),
    ("pt", "ola sou a Francisca, moro na Av Dom Luis, cep {cep}, e queria marcar a visita, meu numero {phone}"),
    ("pt", "o financiamento ta no cpf da minha esposa {cpf}"),
    ("pt", "a conta de luz ta no nome do meu pai, cpf dele {cpf}"),
    ("pt", "vcs pediram o cpf ne? {cpf}"),
    ("pt", "{cpf}"),
    ("pt", "{email}"),
    ("pt", "{phone}"),
    ("pt", "meu cpf {cpf} e o cep {cep}"),
    ("pt", "tentei pagar com {card} e recusou, tem outro jeito?"),
    ("pt", "cartao {card} cvv 123 pode passar"),
    ("pt", "ja mandei o comprovante do pix pro email {email}, foi pra chave {pix_uuid}"),
    ("pt", "o vendedor me passou o email {email} mas volta tudo"),
    ("pt", "quero atualizar meu cadastro: tel novo {phone}, email novo {email}"),
    ("pt", "entrega no meu trabalho, cep {cep}, procura o Tiago na portaria"),
    ("pt", "sou instalador, cnpj {cnpj}, quero ser parceiro silver"),
    ("pt", "o cnpj da minha empresa é {cnpj} e faz 4 anos q abri"),
    ("pt", "cade meu estorno??? o pix foi pra chave {pix_phone} e nada"),
    ("pt", "pagamento da parcela 3: {boleto}"),
    ("pt", "minha mae nao sabe mexer no celular, o telefone dela é {phone}, cpf {cpf}"),
    ("pt", "recebi a ligação do numero {phone} dizendo ser de vcs, é golpe?"),
    ("pt", "alguem me mandou msg do {phone} pedindo pix, vcs tem esse numero?"),
    ("pt", "rg {rg} cpf {cpf} renda 5 mil, da pra financiar?"),
    ("pt", "documento: {rg}"),
    ("pt", "meu cpf é {cpf} mas acho que cadastrei errado no site"),
    ("pt", "Solicito cancelamento. CPF {cpf}. Reembolso via PIX chave aleatória {pix_uuid}."),
    ("pt", "eae, manda o boleto pro {email} ou pro zap {phone}"),
    ("pt", "o cep aqui é {cep} mas o site diz que nao existe"),
    ("pt", "sitio fica na zona rural de quixada, cep {cep}"),
    ("pt", "Meu cartão {card} foi clonado? apareceu uma compra de vcs que eu nao fiz"),
    ("pt", "pode cobrar no cartao da empresa {card}, cnpj {cnpj}"),
    ("pt", "meu email de login no app é {email} e nao recebo o codigo"),
    ("pt", "liga pro meu marido {phone} ele que ta em casa hoje"),
    ("pt", "o tecnico pode ligar pro porteiro, {phone}"),
    ("pt", "o pix de devolução pode ir pro cnpj da loja? chave {pix_email}"),
    ("pt", "CPF do titular da conta de luz: {cpf}. CPF do comprador: {cpf}."),
    ("pt", "email pra contato {email} ou {email}"),
    ("pt", "boa noite!!! meu pedido é o 61770, cpf {cpf}, ta atrasado 😡"),
    ("pt", "meu numero é {phone} 📱 me chama"),
    ("pt", "ja paguei o boleto {boleto} e ainda ta aguardando pagamento"),
    ("pt", "rg: {rg}\norgão: SSP/PE"),
    ("pt", "mudei de casa, o novo cep é {cep}, o numero 45 apto 302"),
    ("pt", "o cpf q ta na nota ta errado, o certo é {cpf}"),
    ("pt", "segue o cnpj {cnpj} pra faturar no boleto 28 dias"),
    ("pt", "meu cunhado vai receber, o cel dele {phone}"),
    ("pt", "devolve no pix {pix_cpf} (é meu cpf)"),
    ("pt", "quero pagar a bateria no cartao {card} em 10x"),
    ("pt", "ok, manda o contrato pro {email} que eu assino digital"),
    ("pt", "cep {cep} / tel {phone} / cpf {cpf}"),
    ("pt", "oi é a Juliana de novo, o fone mudou: {phone}"),
    ("pt", "me passaram que era pra mandar o rg, ta aqui {rg}"),
    ("pt", "a conta de luz ta no nome da empresa cnpj {cnpj}"),
    ("pt", "minha chave pix: {pix_uuid}"),
    ("pt", "pix pro reembolso: {pix_email}"),
    ("pt", "pode mandar o estorno pra chave {pix_phone}"),
    ("pt", "o boleto q vcs mandaram ({boleto}) ta com valor errado"),
    ("pt", "eu sou o titular, cpf {cpf}, pode falar comigo"),
    ("pt", "tel da obra {phone}, falar com o mestre Edson"),
    ("pt", "cpf sem pontos: {cpf}"),
    ("pt", "meu cpf e {cpf} e meu email e {email}, nao consigo entrar no app"),
    ("pt", "tenho o kit 5.5 instalado na Rua Pereira Filgueiras, CEP {cep}, e o inversor parou"),
    ("pt", "o numero do cartao é {card} e o nome impresso é MARIA C SOUZA"),
    ("pt", "Boa tarde. Segue CNPJ {cnpj} e e-mail {email} para envio da proposta comercial."),
    ("pt", "meu cpf eh {cpf} seguinte, paguei e nao aparece"),
    ("pt", "tava no cel da minha filha, o meu é {phone}"),
    ("pt", "manda msg no whats {phone} q eu respondo mais rapido"),
    ("pt", "quero trocar o cartão do brisa care pro {card}"),
    ("pt", "a fatura do cartao {card} veio com 12 parcelas em vez de 10"),
    ("pt", "cep da casa de praia: {cep}, da pra instalar la?"),
    ("pt", "minha esposa, Camila, rg {rg}, vai acompanhar a visita"),
    ("pt", "pode emitir a nota pro cpf {cpf}? nao é pro cnpj"),
    ("pt", "dados bancarios? nao tenho, so pix mesmo: {pix_uuid}"),
    ("pt", "o email {email} é do meu contador, copia ele"),
    ("pt", "fone comercial {landline} ramal 22"),
    ("pt", "o boleto {boleto} venceu, me manda outro"),
    ("pt", "cpf {cpf} rg {rg} tudo certinho, falta o q?"),
    ("pt", "endereço: Rua Silva Paulet 1500 ap 1001 Aldeota CEP {cep} Fortaleza CE"),
    ("pt", "meu contato: {email} / {phone}"),
    ("pt", "ta ai meu cpf {cpf} pra consultar a garantia"),
    ("pt", "cadastrei o pix {pix_email} mas o estorno nao veio"),
    ("pt", "o cnpj ta certo? {cnpj}"),
    ("pt", "ignora o cpf q mandei antes, o certo é {cpf}"),
    ("pt", "meu rg novo tem o numero do cpf, mas o antigo é {rg}"),
    ("pt", "me manda o link de pagamento pro {phone}"),
    ("pt", "Favor enviar a 2ª via para {email}. CPF do titular: {cpf}."),
    ("pt", "o cartao q eu cadastrei foi o {card}, mas quero usar outro agora"),
    ("pt", "oi vcs instalam no cep {cep}? é zona rural"),
    ("pt", "cep {cep}, qual o frete?"),
    ("pt", "liga no fixo {landline} que o sinal de cel aqui é ruim"),
    ("pt", "pix {pix_phone} é meu celular msm"),
    ("pt", "email errado no cadastro, era {email} e nao {email}"),
    ("pt", "paguei no cartao {card} e ainda nao confirmou, pedido 60988"),
    ("pt", "meu cnpj {cnpj}, minha inscrição estadual é isenta"),
    ("pt", "CPF {cpf}, data de nascimento 12/03/1985, renda R$ 7.500"),
    ("pt", "sou eu, Edson, {phone}, o tecnico pode vir amanha?"),
    ("pt", "boleto da parcela 2 do financiamento: {boleto}, quero saber se ta certo"),
    ("pt", "a linha digitavel {boleto} nao bate com o valor do contrato"),
    ("pt", "Meu CPF: {cpf}. Meu RG: {rg}. Telefone: {phone}."),
    ("pt", "quem vai receber é meu vizinho, cep {cep}, cel {phone}"),
    ("pt", "quero apagar meus dados da base de vcs. cpf {cpf}, email {email}"),
    ("pt", "o pix que eu fiz foi pra chave {pix_uuid}, era de vcs mesmo?"),
    ("pt", "chave aleatoria {pix_uuid} pra devolução pf"),
    ("pt", "pode por no cpf {cpf} e no email {email} e liga no {phone}"),
    ("pt", "atendimento pessimo, ja mandei meu cpf {cpf} tres vezes"),
    ("pt", "cnpj: {cnpj}\nresponsavel: Marcos\ncontato: {email}"),
    ("pt", "meu cartao {card} foi recusado 3 vezes, tem limite sim"),
    ("pt", "o cpf dela é {cpf} e o meu {cpf}, somos casados, a conta ta no nome dela"),
    ("pt", "tô no {phone} ate as 18h"),
    ("pt", "rg {rg}, cpf {cpf}, cep {cep} — pronto, agora libera o financiamento"),
    ("pt", "pago esse boleto {boleto} ou passo no cartão {card}? qual é melhor?"),
    ("pt", "a transportadora pediu o cnpj {cnpj} e o cep {cep} de novo"),
    ("en", "My ID (RG) is {rg} and the card I used is {card}."),
    ("pt", "RG {rg} e CNPJ {cnpj} da minha MEI, serve pra abrir cadastro de parceiro?"),
    ("mixed", "my RG is {rg}, o cep {cep}"),
    ("en", "Hi, my CPF is {cpf}, can you check my order?"),
    ("en", "Please send the invoice to {email}."),
    ("en", "You can reach me at {phone}, WhatsApp is best. Office line {landline}."),
    ("en", "I was charged twice on my card {card}."),
    ("en", "Our company CNPJ is {cnpj}, please issue the NF-e to it."),
    ("en", "Delivery address postcode (CEP) is {cep}."),
    ("en", "Refund to my pix key {pix_uuid} please."),
    ("en", "My pix key is my email, {pix_email}."),
    ("en", "This is the boleto line I can't pay: {boleto}"),
    ("en", "My RG number is {rg}, is that enough for the financing?"),
    ("en", "Contact: {email}, phone {phone}."),
    ("en", "I'm a foreigner but I have a CPF: {cpf}. Can I finance?"),
    ("en", "Card number {card}, expiry 11/28. Please charge the deposit."),
    ("en", "Please call my wife on {phone}, I'm travelling."),
    ("en", "Our CEP is {cep} and we're about 200 km from Natal."),
    ("en", "Wrong email on file; the right one is {email}."),
    ("en", "CPF {cpf} — I need my warranty certificate."),
    ("en", "Refund to pix key {pix_phone} (my mobile)."),
    ("en", "The installment boleto {boleto} shows the wrong amount."),
    ("en", "CNPJ {cnpj}, contact {email}, phone {phone}"),
    ("mixed", "oi! my email is {email}, manda a proposta pls"),
    ("mixed", "meu cpf é {cpf}, where is my order?"),
    ("mixed", "call me no {phone} after 5pm"),
    ("mixed", "refund no pix {pix_uuid} please, obrigado"),
    ("mixed", "cep {cep}, shipping cost?"),
    ("mixed", "paguei com o card {card} but it failed"),
    ("mixed", "cnpj da company: {cnpj}"),
    ("mixed", "meu whats é {phone}, text me"),
    ("mixed", "invoice pro email {email} e cpf {cpf}"),
    ("mixed", "boleto {boleto} ta expired, send another"),
]

CLEAN = [
    ("pt", "meu pedido é o 48213, paguei R$ 24.490,00 no dia 12/03/2024"),
    ("pt", "o inversor mostra E-104 desde as 14:35 de ontem"),
    ("pt", "protocolo 2024-7781, aberto em 02/05 às 09h12"),
    ("pt", "o kit de 5,5 kWp gerou 642,3 kWh em abril, 8% a menos que março"),
    ("pt", "numero de serie do painel SB550M-2024-000123, ta com mancha"),
    ("pt", "a nota fiscal nº 000.004.517 série 1 veio com valor de R$ 19.990,00"),
    ("pt", "o display mostra 231,4 V e 49,98 Hz, ta normal?"),
    ("pt", "comprei 10 painéis de 550 W, total 5.500 W, e o inversor de 5 kW"),
    ("pt", "a parcela 3 de 60 ficou R$ 689,90 em vez de R$ 620,00"),
    ("pt", "o modelo do inversor é SB-INV-5K, firmware v2.3.17"),
    ("pt", "a conta de abril veio 312 kWh, R$ 287,45, e a de maio 298 kWh"),
    ("pt", "o técnico marcou pra 15/06 entre 8h e 12h"),
    ("pt", "gerou 23,7 kWh hoje, pico de 4,81 kW às 11:50"),
    ("pt", "o pedido 55102 tem 3 itens: 2x SB-BAT-5 e 1x SB-HYB-5K"),
    ("pt", "a taxa ficou 1,49% a.m. em 60x, total de R$ 37.200"),
    ("pt", "quanto custa o frete de 1.850 km?"),
    ("pt", "rastreio da transportadora: BR-7781-CE, saída 03/06 15:20"),
    ("pt", "o erro E-301 apareceu 3 vezes hoje, às 13:10, 14:02 e 15:47"),
    ("pt", "meu consumo médio dos últimos 12 meses foi 487 kWh"),
    ("pt", "o carregador SB-EV7 carregou 38,2 kWh em 5h10min"),
    ("pt", "a garantia do pedido 60988 vai até 2036?"),
    ("pt", "minha conta tem 2.340 kWh de crédito acumulado"),
    ("pt", "a bateria tá em 87% de carga e 52 °C, normal?"),
    ("pt", "chamado nº 000481 sobre o kit 8.2, aberto há 6 dias úteis"),
    ("pt", "o cupom BRISA10 deu 10% de desconto, mas cobrou R$ 22.041,00"),
    ("pt", "medidor bidirecional instalado em 22/04/2024 às 10:30"),
    ("pt", "quero 3 orçamentos: 3,3 kWp, 5,5 kWp e 8,25 kWp"),
    ("pt", "inversor X3-8K, serial X38K-23-004417, com E-302"),
    ("pt", "a string 1 marca 412 V e a string 2 marca 398 V"),
    ("pt", "paguei 5% a menos no pix: R$ 18.990,50"),
    ("pt", "a ordem de serviço OS-2024-00918 ficou pendente"),
    ("pt", "o telhado tem 27,5 m² e inclinação de 15°"),
    ("pt", "pedido #A9F3-22KD, nota 1234, entrega prevista 10/07"),
    ("pt", "o app mostra economia de R$ 1.247,80 em 6 meses"),
    ("pt", "a homologação tá no dia 18 de 30, segundo a Enel"),
    ("pt", "são 2279 × 1134 mm cada painel? cabem 6 no meu telhado de 4,5 × 3,8 m?"),
    ("pt", "versão do app 4.12.0 no Android 13"),
    ("pt", "a fatura 0042/2024 do brisa care veio R$ 78,00, o dobro de R$ 39"),
    ("pt", "a geração caiu de 700 para 455 kWh/mês, queda de 35%"),
    ("pt", "Prezados, referente à proposta PR-2024-0331 de 14/02, solicito revisão do item 4."),
    ("en", "Order 48213 was paid on 03/12/2024, total R$ 24,490.00."),
    ("en", "Inverter serial SBINV5K-22-10455 shows E-105 since 6:40 am."),
    ("en", "My system produced 612 kWh in May, 12.5% below April."),
    ("en", "Ticket #2024-7781 opened on May 2nd at 9:12."),
    ("en", "Grid voltage reads 254.1 V at noon, frequency 60.02 Hz."),
    ("en", "I'd like 40 panels, 22 kWp total, shipped FCA."),
    ("en", "Firmware 2.3.17, model X3-8K, error E-302 at 14:05."),
    ("en", "Invoice NF-e 000.004.518 lists 1x SB-EV7 at R$ 4,290.00."),
    ("en", "The battery is at 64% state of charge after 9 hours of backup."),
    ("en", "Roof is 40 m², facing north, 12° tilt."),
    ("en", "Proposal PR-2024-0417 valid until 30/06, 8.25 kWp, R$ 34,900."),
    ("en", "The charger added 296 km of range in 7h24."),
    ("en", "Quarterly purchases were R$ 158,300, so we qualify for Gold?"),
    ("en", "Work order OS-2024-01102 is still open after 11 days."),
    ("mixed", "o pedido 61770 chegou dia 05/06, but 2 of the 15 panels were cracked"),
    ("mixed", "geração hoje 31.2 kWh, peak 6.9 kW at 12:15"),
    ("mixed", "inverter code E-201, string voltage 612 V, é perigoso?"),
    ("mixed", "protocolo 000918, opened 3 days ago"),
    ("mixed", "kit 8.2 = 15 panels x 550 W = 8,250 W, certo?"),
    ("mixed", "serial SB550M-2023-004812 and SB550M-2023-004813 com hot spot"),
]


def main():
    out = pathlib.Path(__file__).resolve().parents[1] / "guardrails" / "pii.jsonl"
    recs = []
    ph = re.compile(r"\{(\w+)\}")
    for lang, tpl in TEMPLATES:
        values = []

        def sub(m, values=values):
            kind, val = gen(m.group(1))
            values.append({"kind": kind, "value": val})
            return val

        text = ph.sub(sub, tpl)
        assert 1 <= len(values) <= 3, tpl
        for v in values:
            assert v["value"] in text
            digits = re.sub(r"\D", "", v["value"])
            if v["kind"] == "cpf":
                assert cpf_valid(v["value"]), v
            if v["kind"] == "cnpj":
                assert cnpj_valid(v["value"]), v
            if v["kind"] == "card":
                assert luhn_ok(v["value"]), v
            if v["kind"] == "boleto":
                assert len(digits) == 47, v
        recs.append({"id": f"pii{len(recs) + 1:04d}", "text": text, "values": values, "lang": lang})
    for lang, text in CLEAN:
        recs.append({"id": f"pii{len(recs) + 1:04d}", "text": text, "values": [], "lang": lang})
    with out.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records ->", out)


if __name__ == "__main__":
    main()
