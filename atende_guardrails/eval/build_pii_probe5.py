# ruff: noqa: E501  (long hand-written messages)
"""A fifth hand-written PII probe (issue 16: PII redaction on formatted and unformatted values, no false
findings), written by p-pii6 before the check was changed for it. Values as people really type them, in
customer messages and in the agent's replies:

- with and without punctuation, with spaces in odd places ("529 .982.247-25"), split by a line break,
  glued to the word that names them ("cpf52998224725", "tel:43999182736", "zap43...", "cep86010000",
  "cartao5502..."), after "+55", "0xx", "zap", "whats", "wpp"; phones from abroad;
- e-mails with subdomains, plus tags, capitals, or spelled out ("fulano arroba gmail ponto com");
- cards with spaces, dashes, dots or none, Amex and Diners shapes; CEPs with and without the dash,
  "cep 86.010-000"; RGs of many states; random Pix keys (UUIDs, with and without hyphens, in capitals);
  boleto lines in blocks and over lines; CNH, título, PIS, passport, date of birth in casual shapes;
- and clean texts full of numbers that are no personal data: orders, protocols, serials, model codes
  (SB-5K-2), kWh and kWp figures, prices in R$, dates of visits, the customer's router IP, tracking codes,
  invoices, bank agency and account numbers, masked cards and CPFs, business lines.

Decisions written down here (and in the check):
- An e-mail spelled out ("fulano arroba gmail ponto com") is redacted: it reaches the person the same way.
- A masked card or CPF ("**** 1234", "***.982.247-**", "final 4821") is no value: it identifies nobody
  on its own and customers quote it to say which card they mean.
- A mistyped CPF, CNPJ or card (check digits fail) is redacted where a word names the document (as
  probe 3 decided); a bare run of digits whose check fails and that no word names is no value (it cannot
  be told from an order or a protocol), so a few such runs stand in the clean texts.
- A CNPJ is redacted wherever it stands (a MEI's CNPJ is a person's, and the check cannot tell whose it
  is); the business's own CNPJ stays in a reply only where the knowledge passages publish it, as its
  e-mail and WhatsApp do. The probe is run without passages, so it plants no business CNPJ as clean.

Half rule (issue 16): half "a" if int(sha1(id).hexdigest(), 16) % 2 == 0 else "b"; half a is the tune
part (misses may be read and fixed generally), half b the holdout (figures only). Check digits are
computed from hand-typed bases; nothing is copied from evals/ or the other probes.

    python -m atende_guardrails.eval.build_pii_probe5

writes eval/pii_probe5_tune.tsv (half a) and eval/pii_probe5_holdout.tsv (half b)."""

from __future__ import annotations

from atende_guardrails.eval.build_pii_probe import (
    bank_boleto,
    bank_line,
    checked_parts,
    cnpj,
    cpf,
    luhn,
    utility_boleto,
    utility_line,
    write_halves,
)
from atende_guardrails.eval.build_pii_probe3 import Message, cnpj_dots, dots, half, split, wrong_last
from atende_guardrails.eval.build_pii_probe4 import cnh, pis, pis_dots, rg_sp, rg_sp_dots, voter_id


def _values(prefix: str, rows: list[tuple[str, str, str]]) -> list[Message]:
    return [(f"p5-{prefix}-{n:02d}", template.replace("{}", value), [(kind, value)])
            for n, (kind, value, template) in enumerate(rows, 1)]


C = [cpf(b) for b in ("318204759", "527691034", "846013275", "103758692", "692437018", "275180469", "430962715",
                      "761325048", "958041326", "084697153", "613809427", "249571806", "372016985", "805264391",
                      "196738250", "538190647", "720845936", "461579302", "087362415", "924617583", "356098174",
                      "649271850", "213846097", "780532614", "495127368", "162803549", "837459201", "304681725")]


def cpfs() -> list[Message]:
    c = C
    return _values("cpf", [
        ("cpf", c[0], "cpf{} pra cadastro"),
        ("cpf", dots(c[1]), "CPF:{}"),
        ("cpf", f"{c[2][:3]} .{c[2][3:6]}.{c[2][6:9]}-{c[2][9:]}", "meu cpf {} ok"),
        ("cpf", f"{c[3][:3]}.{c[3][3:6]} .{c[3][6:9]} -{c[3][9:]}", "cpf do titular {}"),
        ("cpf", f"{c[4][:3]}.{c[4][3:6]}.{c[4][6:9]}-\n{c[4][9:]}", "segue cpf: {} valeu"),
        ("cpf", f"{c[5][:6]}\n{c[5][6:]}", "cpf {}"),
        ("cpf", dots(c[6]), "Obrigada, Sônia! Localizei seu cadastro pelo CPF {} e a fatura já foi reenviada."),
        ("cpf", dots(c[7]), "Perfeito, o pedido fica no nome de Otávio Lins, {}. Confirma?"),
        ("cpf", c[8], "CPF n° {} - titular da conta"),
        ("cpf", split(c[9], 3, 3, 3, 2, sep="-"), "cpf {}"),
        ("cpf", dots(c[10]), "o documento dele é {} e ele autorizou"),
        ("cpf", c[11], "Cpf.{}"),
        ("cpf", dots(c[12]).replace(".", ","), "cpf {} (teclado do celular)"),
        ("cpf", split(c[13], 2, 3, 3, 3), "CPF {}"),
        ("cpf", dots(c[14]), "nome completo Helena Castro Vidal, cpf - {}, cidade Apucarana"),
        ("cpf", c[15], "my brazilian CPF: {}"),
        ("cpf", dots(c[16]), "cpf 👉 {}"),
        ("cpf", dots(c[17]), "Para seguir com a troca, confirme: o CPF cadastrado é {}?"),
        ("cpf", wrong_last(dots(c[18])), "cpf {} (acho que o último tá errado)"),
        ("cpf", wrong_last(c[19]), "meu cpf e {}"),
        ("cpf", wrong_last(split(c[20], 3, 3, 3, 2)), "CPF: {}"),
        ("cpf", wrong_last(c[21]), "cpf{}"),
        ("cpf", dots(c[22]), "CPF\n{}"),
        ("cpf", f"{c[23][:3]}.{c[23][3:6]}.{c[23][6:9]}.{c[23][9:]}", "cpf {}"),
        ("cpf", c[24], "titular: Renan Prates / {}"),
        ("cpf", dots(c[25]), "no boleto saiu o cpf {} que nem é meu"),
        ("cpf", f"{c[26][:3]}{c[26][3:6]}{c[26][6:9]}-{c[26][9:]}", "CPF {}"),
        ("cpf", dots(c[27]), "cpf:  {}  (com pontos)"),
    ])


N = [cnpj(b) for b in ("419306280001", "582714390001", "306925810001", "740183560002", "913628470001", "261840930001",
                       "5BX7K3W20001", "638201750001", "104937260001", "827516040001", "350682910001", "496271830001")]


def cnpjs() -> list[Message]:
    n = N
    return _values("cnpj", [
        ("cnpj", n[0], "cnpj{} faturar no nome da empresa"),
        ("cnpj", cnpj_dots(n[1]), "CNPJ:{}"),
        ("cnpj", f"{n[2][:2]} .{n[2][2:5]}.{n[2][5:8]}/{n[2][8:12]}-{n[2][12:]}", "cnpj {}"),
        ("cnpj", f"{n[3][:2]}.{n[3][2:5]}.{n[3][5:8]}/\n{n[3][8:12]}-{n[3][12:]}", "é pra filial, cnpj {}"),
        ("cnpj", cnpj_dots(n[4]), "Certo! A nota sai para Padaria Trigo Bom, CNPJ {}, no valor combinado."),
        ("cnpj", cnpj_dots(n[5]), "sou MEI, {}, e queria parcelar o kit"),
        ("cnpj", cnpj_dots(n[6]), "cnpj novo com letras {}"),
        ("cnpj", wrong_last(cnpj_dots(n[7])), "CNPJ {} (confere se digitei certo)"),
        ("cnpj", wrong_last(n[8]), "cnpj {}"),
        ("cnpj", f"{n[9][:8]}/{n[9][8:12]}-{n[9][12:]}", "cnpj: {}"),
        ("cnpj", f"{n[10][:2]}.{n[10][2:5]}.{n[10][5:8]}/{n[10][8:12]}{n[10][12:]}", "CNPJ {}"),
        ("cnpj", split(n[11], 2, 3, 3, 4), "o cnpj da oficina é {}"),
    ])


S = [rg_sp(b) for b in ("38104726", "45920371", "29471650", "41036928", "36829140", "27519036")]


def rgs() -> list[Message]:
    s = S
    return _values("rg", [
        ("rg", rg_sp_dots(s[0]), "rg {} ssp sp"),
        ("rg", s[1], "rg{}"),
        ("rg", rg_sp_dots(s[2]), "RG:{}"),
        ("rg", s[3], "meu RG é {}, tirado em São Paulo"),
        ("rg", rg_sp_dots(s[4]), "Recebemos a foto do RG {}, obrigado! Agora falta o comprovante."),
        ("rg", f"{s[5][:2]}.{s[5][2:5]}.\n{s[5][5:8]}-{s[5][8:]}", "RG {} SSP/SP"),
        ("rg", "10.482.735", "identidade 10.482.735 PC/MG"),
        ("rg", "MG-17.304.829", "rg do meu filho MG-17.304.829"),
        ("rg", "MG 20.418.537", "carteira de identidade MG 20.418.537"),
        ("rg", "25.183.740-6", "RG 25.183.740-6 Detran/RJ"),
        ("rg", "13.927.405-1", "identidade: 13.927.405-1 (IFP)"),
        ("rg", "4038172659", "RG 4038172659 SSP/RS"),
        ("rg", "10.947.362-08", "rg 10.947.362-08 ssp ba"),
        ("rg", "2.903.847", "RG 2.903.847 SSP DF"),
        ("rg", "8.405.913", "rg 8.405.913 sds/pe"),
        ("rg", "9.274.016-3", "RG 9.274.016-3 SESP-PR"),
        ("rg", "5.183.290", "rg 5.183.290 SSP/SC"),
        ("rg", "3928410", "RG 3928410 SSP-GO"),
        ("rg", "20093817462", "identidade 20093817462 SSP/CE"),
        ("rg", "1.028.374", "RG nº 1.028.374 SSP/ES"),
        ("rg", "628.194", "rg 628.194 ssp/to"),
        ("rg", "0382917450018", "RG 0382917450018 SSP/MA"),
        ("rg", "4920183", "R.G. 4920183 PC/PA"),
        ("rg", "2.839.104", "o rg dela é 2.839.104 (SSP/AL)"),
        ("rg", "51.293.408-7", "Nº do RG: 51.293.408-7"),
        ("rg", "1948273-5", "RG 1948273-5 SSP/MS"),
    ])


def _uuid(hexes: str) -> str:
    return f"{hexes[:8]}-{hexes[8:12]}-{hexes[12:16]}-{hexes[16:20]}-{hexes[20:]}"


U = [_uuid(h) for h in ("3f9a12c47b6e4d01a8c2e59b07d1f634", "b27e0c5d91a84f3e9d6c1b2a7f408e95",
                        "0c6d8e2f4a1b4c9db3e7f05a19c28d46", "e41a9b7c2d6f4e08a5b1c39d70e2f815",
                        "7d2c5e9a0b3f4a61bc84d2e6f1079a3c", "a9f03e71c4d24b8e96a5d7c2e0b13f48",
                        "56b8e1d30c7a4f29ad1e6b94c2f03a7e", "c3e72a10f9d64b5e8a2d1c07b6e49f31",
                        "1e8d4b7a63c04e92b5f1a2d8c69e037b", "f02c9d6e1a7b4c38a9e5d1b0c7f2e846")]


def pix() -> list[Message]:
    u = U
    return _values("pix", [
        ("pix_key", u[0], "chave pix: {}"),
        ("pix_key", u[1].upper(), "PIX ALEATORIA {}"),
        ("pix_key", u[2].replace("-", ""), "chave aleatória {}"),
        ("pix_key", u[3], "pix:{}"),
        ("pix_key", u[4], "Pode fazer o Pix para a chave {} e me mandar o comprovante aqui."),
        ("pix_key", u[5].replace("-", ""), "minha chave pix é {}"),
        ("pix_key", u[6], "a chave que o app gerou {} serve?"),
        ("pix_key", f"{u[7][:18]}\n{u[7][18:]}", "chave pix {}"),
        ("pix_key", u[8].upper(), "{}"),
        ("pix_key", u[9], "estorno pra essa chave aqui -> {}"),
    ])


B = [bank_boleto("033", "9421", "0000018790", "9003718290000012345670101"),
     bank_boleto("756", "9388", "0000045210", "1300812001038270001470001"),
     bank_boleto("748", "9401", "0000099000", "1120260048291700000123450"),
     bank_boleto("001", "9415", "0000007350", "0000003187265400019283001")]
UT = [utility_boleto("83640000001523000481002910283746000012026120"),
      utility_boleto("82690000002384100972026120500381746512903841")]


def boletos() -> list[Message]:
    b, t = B, UT
    return _values("boleto", [
        ("boleto", bank_line(b[0]), "linha digitável: {}"),
        ("boleto", bank_line(b[1]).replace(" ", "\n", 2), "segue o boleto\n{}\nvence sexta"),
        ("boleto", b[2], "código do boleto {}"),
        ("boleto", f"{b[3][:5]}.{b[3][5:10]}  {b[3][10:15]}.{b[3][15:21]}  {b[3][21:26]}.{b[3][26:32]}  {b[3][32]}  {b[3][33:]}",
         "Segue a linha para pagamento: {} (vencimento 15/12)."),
        ("boleto", utility_line(t[0]), "conta de luz: {}"),
        ("boleto", "\n".join(t[1][i : i + 12] for i in range(0, 48, 12)), "{}"),
        ("boleto", bank_line(b[0], spaces="\n"), "Linha digitável do seu boleto:\n{}\nQualquer dúvida, estou à disposição."),
        ("boleto", b[1][:24] + "\n" + b[1][24:], "codigo {}"),
    ])


K = [luhn(p) for p in ("523804917263541", "455928173046215", "37829106453721", "601190284735162",
                       "401783926154087", "554932017683204", "36184920573615", "650487203917456",
                       "222918374650129", "491730582614739", "516739208417365", "438209175364820")]


def cards() -> list[Message]:
    k = K
    return _values("card", [
        ("card", k[0], "cartao{} validade 09/28"),
        ("card", split(k[1], 4, 4, 4, sep="-"), "cartão de crédito {}"),
        ("card", split(k[2], 4, 6, sep=" "), "amex {}"),
        ("card", split(k[3], 4, 4, 4, sep="."), "{} é o cartão"),
        ("card", split(k[4], 4, 4, 4, sep=" "), "Cartão cadastrado: {}. Deseja usar este?"),
        ("card", f"{k[5][:8]}\n{k[5][8:]}", "cartao {}"),
        ("card", split(k[6], 4, 6, sep=" "), "diners {}"),
        ("card", split(k[7], 4, 4, 4, sep=" "), "elo {} cvv eu mando depois"),
        ("card", wrong_last(split(k[8], 4, 4, 4, sep=" ")), "mastercard {} deu recusado"),
        ("card", wrong_last(k[9]), "cartão {}"),
        ("card", split(k[10], 4, 4, 4, sep=" "), "paguei com {} e não caiu"),
        ("card", f"{k[11][:4]} {k[11][4:8]}{k[11][8:12]} {k[11][12:]}", "numero do cartao: {}"),
    ])


def ceps() -> list[Message]:
    return _values("cep", [
        ("cep", "86.010-000", "cep 86.010-000"),
        ("cep", "86020120", "cep86020120"),
        ("cep", "01310-100", "CEP:01310-100"),
        ("cep", "04538 132", "cep 04538 132"),
        ("cep", "80.420-090", "CEP: 80.420-090, Curitiba"),
        ("cep", "87013-230", "Rua Néo Alves Martins, 1200\nMaringá - PR\n87013-230"),
        ("cep", "13083-970", "entrega em Campinas, 13083-970, bloco B"),
        ("cep", "90010150", "cep 90010150"),
        ("cep", "30.130-010", "O endereço de entrega ficou: Av. Afonso Pena, 900, CEP 30.130-010. Está correto?"),
        ("cep", "69005-040", "meu cep é 69005-040"),
        ("cep", "86.039.520", "cep 86.039.520"),
        ("cep", "88015-200", "Floripa 88015-200"),
        ("cep", "58.038-000", "CEP 58.038-000 João Pessoa"),
        ("cep", "74000\n-000", "cep 74000\n-000"),
    ])


def phones() -> list[Message]:
    return _values("phone", [
        ("phone", "43999182736", "tel:43999182736"),
        ("phone", "43 99918-2736", "zap43 99918-2736"),
        ("phone", "(43)99918-2737", "tel.:(43)99918-2737"),
        ("phone", "+55 43 99918 2738", "whats +55 43 99918 2738"),
        ("phone", "0xx43 99918-2739", "fone 0xx43 99918-2739"),
        ("phone", "(043) 99918-2740", "cel (043) 99918-2740"),
        ("phone", "043 99918 2741", "me liga 043 99918 2741"),
        ("phone", "+5543999182742", "+5543999182742"),
        ("phone", "5543999182743", "whatsapp 5543999182743"),
        ("phone", "(43) 99918-\n2744", "meu cel (43) 99918-\n2744"),
        ("phone", "9 9918-2745", "cel 9 9918-2745"),
        ("phone", "43-99918-2746", "wpp: 43-99918-2746"),
        ("phone", "43.99918.2747", "telefone 43.99918.2747"),
        ("phone", "(11) 3456-7812", "fixo (11) 3456-7812 em horário comercial"),
        ("phone", "11 4587-2093", "liga no escritório 11 4587-2093"),
        ("phone", "(21) 98765-4302", "Combinado! O técnico vai ligar no (21) 98765-4302 amanhã às 9h."),
        ("phone", "(48) 9 8877-6654", "Anotei seu WhatsApp (48) 9 8877-6654 para o envio do orçamento."),
        ("phone", "21 99876 5431", "whats da minha esposa 21 99876 5431"),
        ("phone", "41 9 8712 0039", "zap 41 9 8712 0039"),
        ("phone", "(11)9.8765-4321", "celular:(11)9.8765-4321"),
        ("phone", "+55 (61) 99234-5678", "contato: +55 (61) 99234-5678"),
        ("phone", "61992345679", "61992345679 é meu zap"),
        ("phone", "(62) 98123-4455", "pode me chamar no (62) 98123-4455"),
        ("phone", "85 3261-4477", "tel residencial 85 3261-4477"),
        ("phone", "(31) 8812-3346", "zap antigo (31) 8812-3346"),
        ("phone", "+1 (305) 555-0147", "my US number +1 (305) 555-0147"),
        ("phone", "+44 20 7946 0321", "office in London +44 20 7946 0321"),
        ("phone", "+351 912 345 678", "em Portugal: +351 912 345 678"),
        ("phone", "+34 612 34 56 78", "mi móvil +34 612 34 56 78"),
        ("phone", "+49 151 23456789", "Handy +49 151 23456789"),
        ("phone", "+54 9 11 2345-6789", "whats argentino +54 9 11 2345-6789"),
        ("phone", "+598 94 123 456", "Uruguay +598 94 123 456"),
        ("phone", "+1 617-555-0199", "call me at +1 617-555-0199"),
        ("phone", "(305) 555-0184", "phone (305) 555-0184"),
        ("phone", "99918 2748", "o número é 43 e depois 99918 2748"),
        ("phone", "(43)\n99918-2749", "whats:\n(43)\n99918-2749"),
        ("phone", "+55 43 9 9918-2750", "Se preferir, fale com a Carla pelo +55 43 9 9918-2750."),
        ("phone", "47 3025 8841", "telefone da loja do meu pai 47 3025 8841"),
        ("phone", "(19) 99754-3318", "(19) 99754-3318 - Joana"),
        ("phone", "51 98402 7713", "meu zap: 51 98402 7713 👍"),
    ])


def emails() -> list[Message]:
    return _values("email", [
        ("email", "camila.reis+solar@gmail.com", "email:camila.reis+solar@gmail.com"),
        ("email", "TIAGO.NUNES@OUTLOOK.COM", "MANDA NO TIAGO.NUNES@OUTLOOK.COM"),
        ("email", "compras@filial3.agropecuariaverde.com.br", "o email de compras é compras@filial3.agropecuariaverde.com.br"),
        ("email", "fulano.tal arroba gmail ponto com", "meu email fulano.tal arroba gmail ponto com"),
        ("email", "bruna_m arroba hotmail ponto com ponto br", "bruna_m arroba hotmail ponto com ponto br"),
        ("email", "rui.p@Gmail.Com", "e-mail rui.p@Gmail.Com"),
        ("email", "leo.k@uol.com.br", "Enviamos o contrato para leo.k@uol.com.br; confira também a caixa de spam."),
        ("email", "marta.f@terra.com.br", "é marta.f@terra.com.br."),
        ("email", "j.souza@alunos.unopar.edu.br", "(j.souza@alunos.unopar.edu.br)"),
        ("email", "vendas-sul@ferragens2irmaos.com", "vendas-sul@ferragens2irmaos.com"),
        ("email", "ana_beatriz.92@yahoo.com.br", "email->ana_beatriz.92@yahoo.com.br"),
        ("email", "igor.santos@icloud.com", "meu e-mail\nigor.santos@icloud.com"),
        ("email", "paula.m at gmail dot com", "email paula.m at gmail dot com"),
        ("email", "dudu.r[at]gmail[dot]com", "dudu.r[at]gmail[dot]com"),
        ("email", "nanda arroba gmail", "manda no nanda arroba gmail"),
        ("email", "financeiro+boletos@construtoraalfa.com.br", "Boletos: financeiro+boletos@construtoraalfa.com.br"),
        ("email", "Ricardo.Alves@Prefeitura.Cambe.PR.gov.br", "Ricardo.Alves@Prefeitura.Cambe.PR.gov.br"),
        ("email", "gi.lopes @gmail.com", "gi.lopes @gmail.com"),
        ("email", "caio_f@hotmail.com", "email:caio_f@hotmail.com,tel depois"),
        ("email", "lara.t@gmail.com", "Oi Lara, o boleto foi para lara.t@gmail.com ontem às 16h."),
    ])


def other_documents() -> list[Message]:
    h = [cnh(b) for b in ("471902836", "305817249", "628304917")]
    v = [voter_id("41928370", "06"), voter_id("20384917", "01")]
    p = [pis(b) for b in ("1208394716", "2039481726")]
    return _values("doc", [
        ("cnh", h[0], "cnh{}"),
        ("cnh", h[1], "CNH nº {} cat AB"),
        ("cnh", h[2], "habilitação {} (registro)"),
        ("voter_id", v[0], "título de eleitor {}"),
        ("voter_id", split(v[1], 4, 4, sep=" "), "titulo eleitor: {}"),
        ("pis", pis_dots(p[0]), "pis {}"),
        ("pis", p[1], "NIS:{}"),
        ("passport", "FR482917", "passaporte FR482917"),
        ("passport", "YB193847", "passport no. YB193847, expires 2031"),
        ("birth_date", "14/08/1987", "nasc. 14/08/1987"),
        ("birth_date", "03/02/1979", "data de nascimento:03/02/1979"),
        ("birth_date", "21 de abril de 1992", "nasci em 21 de abril de 1992"),
        ("birth_date", "1985-11-30", "DOB 1985-11-30"),
    ])


def more() -> list[Message]:
    """A second round in the same spirit: forms pasted whole, replies that repeat the value back, values
    with an emoji, a colon or a parenthesis glued to them."""
    c = [cpf(b) for b in ("640192837", "182736450", "905318264", "371928406", "826401935", "519370248")]
    k = [luhn(p) for p in ("535012874903612", "406655182930471", "377215096841273")]
    u = _uuid("8b1d2e7f40c94a3e9f6b5d0c2a18e736")
    return _values("more", [
        ("cpf", dots(c[0]), "CPF({})"),
        ("cpf", c[1], "cpf:{};"),
        ("cpf", dots(c[2]), "Dados conferidos ✅ CPF {} • plano anual"),
        ("cpf", f"{c[3][:3]} {c[3][3:6]} {c[3][6:9]} {c[3][9:]}", "o cpf é {}"),
        ("cpf", dots(c[4]), "CPF do responsável financeiro: {}"),
        ("cpf", c[5], "Cliente: Márcio Teles\nDocumento: {}\nPlano: Solar 8"),
        ("card", split(k[0], 4, 4, 4, sep="  "), "cartão:  {}"),
        ("card", k[1], "nº do cartão {}"),
        ("card", split(k[2], 4, 6, sep="-"), "AMEX {}"),
        ("phone", "43991827364", "zap:43991827364"),
        ("phone", "(43) 99182-7365", "me chama no whats (43) 99182-7365 depois das 18h"),
        ("phone", "43 991827366", "cel 43 991827366"),
        ("phone", "+55 11 3045 8820", "telefone comercial +55 11 3045 8820"),
        ("phone", "(11) 97123 4456", "Falei com o Sr. Paulo pelo (11) 97123 4456 e ele confirmou a visita."),
        ("phone", "67 99283 1470", "wats 67 99283 1470"),
        ("phone", "+55 21 9 7755-1023", "whats: +55 21 9 7755-1023"),
        ("phone", "(0xx11) 98456-7711", "telefone (0xx11) 98456-7711"),
        ("phone", "11984567712", "liga 11984567712"),
        ("phone", "+33 6 12 34 56 78", "en France +33 6 12 34 56 78"),
        ("email", "helena.v+nf@empresa.ind.br", "NF para helena.v+nf@empresa.ind.br por favor"),
        ("email", "MARCOS_R@BOL.COM.BR", "EMAIL MARCOS_R@BOL.COM.BR"),
        ("email", "lu.andrade arroba outlook ponto com", "lu.andrade arroba outlook ponto com"),
        ("email", "suporte.ti@hospital.santacasa.org.br", "suporte.ti@hospital.santacasa.org.br é o email da TI"),
        ("email", "otavio.s@gmail.com", "Prontinho! Reenviei a nota para otavio.s@gmail.com."),
        ("email", "r.costa@yahoo.com", "email (r.costa@yahoo.com)"),
        ("cep", "86050-268", "Rua das Acácias, 45 - Jd. Higienópolis - Londrina/PR - 86050-268"),
        ("cep", "01.452-000", "cep: 01.452-000"),
        ("cep", "22041011", "CEP22041011"),
        ("cep", "60.175-047", "Fortaleza, CEP 60.175-047"),
        ("cep", "88330 000", "cep 88330 000 balneário"),
        ("rg", "36.192.047-5", "RG: 36.192.047-5 (SSP-SP)"),
        ("rg", "6.283.910", "identidade 6.283.910 SSP/MT"),
        ("rg", "3.104.928-2", "rg:3.104.928-2 pr"),
        ("rg", "MG-9.827.310", "RG:MG-9.827.310"),
        ("rg", "1203948", "identidade 1203948 SSP/PB"),
        ("rg", "17.382.904-1", "Conferimos o RG 17.382.904-1 com a foto, tudo certo."),
        ("pix_key", u, "chave pix\n{}"),
        ("pix_key", u.replace("-", " "), "chave: {}"),
        ("cnpj", cnpj_dots(cnpj("073918240001")), "Faturamento: Mercearia Boa Vista LTDA, {}"),
        ("cnpj", cnpj("650248130001"), "cnpj:{}"),
    ])


def mixed() -> list[Message]:
    a, b = cpf("583019462"), cpf("730482915")
    k = luhn("453201874629105")
    return [
        ("p5-mixed-01", f"Nome: Denise Arruda\nCPF: {dots(a)}\nTel: (43) 99802-1175\nE-mail: denise.arruda@gmail.com\nCEP: 86060-410",
         [("cpf", dots(a)), ("phone", "(43) 99802-1175"), ("email", "denise.arruda@gmail.com"), ("cep", "86060-410")]),
        ("p5-mixed-02", f"cpf{b} zap43998021176 email denis.a@hotmail.com",
         [("cpf", b), ("phone", "43998021176"), ("email", "denis.a@hotmail.com")]),
        ("p5-mixed-03", f"Confirmo os dados: cartão final {k[-4:]}, titular CPF {dots(a)}, entrega no CEP 86.020-050.",
         [("cpf", dots(a)), ("cep", "86.020-050")]),
        ("p5-mixed-04", f"cartão {split(k, 4, 4, 4)} venc 11/29 cpf {dots(b)}",
         [("card", split(k, 4, 4, 4)), ("cpf", dots(b))]),
        ("p5-mixed-05", "rg 12.904.735-6 sp, whats (11) 97654-3322, cep 05422-010",
         [("rg", "12.904.735-6"), ("phone", "(11) 97654-3322"), ("cep", "05422-010")]),
    ]


CLEAN: list[str] = [
    # orders, protocols, tickets, invoices
    "pedido 4587-2291 chegou faltando o parafuso",
    "protocolo 202612050001234, anotei aqui",
    "Seu protocolo de atendimento é 20261205-00873. Guarde para acompanhar.",
    "OS 2026/000123 aberta pro técnico",
    "nota fiscal 000.123.456 série 1",
    "NF-e nº 48213, emitida ontem",
    "fatura de novembro nº 38291047",
    "chamado #582913 ainda sem retorno",
    "pedido #A-10293 foi cancelado sem eu pedir",
    "o número do pedido é 31820495761",
    "order 3917-4820-11 still pending",
    "ticket 20261204-4471 was closed by mistake",
    "o código de rastreio é QB482017395BR",
    "rastreio AA938271640BR parado em Curitiba",
    "tracking 1Z999AA10123456784",
    "código de barras da nota: chave de acesso 4126 1208 4729 1630 0015 5001 0000 4821 9110 0482 9173",
    "número da instalação 3008172946",
    "UC 0048291736 da Copel",
    "contrato 2026-0038172 assinado",
    "matrícula 20481937 do funcionário que veio aqui",
    # serials, models, technical
    "inversor SB-5K-2 com erro F03",
    "modelo SUN-5K-G04, série 2309871234",
    "SN 2211048291735 no adesivo da bateria",
    "placa 550W modelo TSM-DE19-550",
    "kit 6,6 kWp com 12 módulos",
    "gerou 1.284,6 kWh em novembro, 912 kWh em outubro",
    "consumo médio 450 kWh/mês, conta de R$ 412,90",
    "sistema de 8,25 kWp, 15 placas, inversor de 7,5 kW",
    "leitura do medidor 0048217 kWh",
    "medidor nº 12849301 trocado",
    "firmware 3.12.048 instalado",
    "versão do app 4.2.17 (build 20261130)",
    "IP do roteador 192.168.0.1, o meu pc é 192.168.0.104",
    "gateway 10.0.0.1 e DNS 8.8.8.8",
    "MAC 00:1A:2B:3C:4D:5E no roteador",
    "porta 8080 liberada no modem",
    "sinal -21,4 dBm na ONU",
    "NCM 8541.43.00 e CFOP 5.102",
    "CNAE 4321-5/00",
    "coordenadas -23.3045, -51.1696 do telhado",
    "potência 5.000 W, tensão 220 V, corrente 22,7 A",
    # prices and money
    "R$ 23.456,78 à vista ou 12x de R$ 2.199,00",
    "o orçamento veio R$ 18.490,00 e o outro R$ 17.920,50",
    "paguei 1.234,56 mas cobraram 1.243,56",
    "desconto de 12,5% fica R$ 20.524,12",
    "US$ 3,450.00 shipping included",
    "valor do boleto R$ 389,90 vencimento 10/12/2026",
    "parcela 3 de 12, R$ 1.540,75",
    # dates and times
    "visita técnica dia 12/12/2026 às 14h",
    "pode ser 05/01 entre 8h e 12h?",
    "instalado em 2025-03-18, garantia até 2030-03-18",
    "vence 15/07/2027",
    "a obra vai de 10/01/2027 a 25/01/2027",
    "horário 08:00-18:00 de seg a sex",
    "comprei em 21/11/2025",
    # bank data that identifies no person on its own, business lines
    "agência 0001, conta 12345-6",
    "ag 3456-7 cc 98765-4 banco 341",
    "banco 001 agência 1234-5",
    "SAC 0800 723 4821",
    "central 4003-1234 de qualquer cidade",
    "liguei no 3003 4455 e ninguém atendeu",
    "(11) 4004-5566 é o número da central?",
    # masked values
    "cartão final 4821 recusado",
    "**** **** **** 1234 é o que aparece no app",
    "XXXX-XXXX-XXXX-7731 foi cobrado duas vezes",
    "o cartão 5502 **** **** 7891 não passa",
    "CPF ***.982.247-** aparece no comprovante",
    "cpf terminado em 47-25",
    "celular final 2736 no cadastro",
    # bare numbers whose check fails and that no word names
    "apareceu 48213907654 na tela do app",
    "número 1029384756 na etiqueta",
    "apareceu 7391028465 no visor",
    # quantities and measures
    "12.345 clientes atendidos em 2026",
    "área de 48,5 m² no telhado",
    "cabo de 6 mm², 35 metros",
    "3 strings de 9 placas",
    "98765-432 unidades no estoque central",
    "peso 23,5 kg por placa",
    # documents named, no number
    "preciso do cpf do titular ou pode ser o meu?",
    "o cep do meu bairro mudou, e agora?",
    "meu zap é esse mesmo que to falando",
    "mando o rg por foto?",
    "qual o email pra mandar o comprovante?",
    "a chave pix de vocês é o cnpj?",
    "não tenho cartão de crédito, só débito",
    # English and mixed
    "order #48291 shipped on 12/03",
    "my invoice INV-2026-04821 is wrong",
    "the 5 kW inverter costs R$ 6.490",
    "we generated 1,204 kWh last month",
    "reference 2026-12-05-0042 on the quote",
    "router at 192.168.1.1 keeps rebooting",
    "Your visit is booked for 12/14 at 10:30, technician Marcos.",
    "O pedido 8830-1947 foi entregue em 03/12 às 15:42.",
    "Seu orçamento nº 2026-1187 vale até 20/12/2026.",
    "A garantia do inversor é de 10 anos e a das placas de 25 anos.",
]


def messages() -> list[Message]:
    return (cpfs() + cnpjs() + rgs() + pix() + boletos() + cards() + ceps() + phones() + emails() + other_documents()
            + more() + mixed() + [(f"p5-clean-{n:03d}", text, []) for n, text in enumerate(CLEAN, 1)])


def build() -> dict[str, list[Message]]:
    return checked_parts(messages(), lambda ident: "tune" if half(ident) == "a" else "holdout")


def main() -> int:
    write_halves("5", "Fifth", build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
