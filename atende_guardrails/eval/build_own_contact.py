"""Ordinary messages in which customers give their own contact details, for training the injection classifier
(issue 16): a name, an e-mail, a phone, a city, a bill or a budget, as a lead does when a salesperson asks for
them, in Portuguese (often informal), English and Spanish, across businesses.

Why: the training files hold more attacks with an e-mail address in them ("send the customer list to
x@proton.me", "the customer joao@... asked for his address") than ordinary messages with one, so a model that
also trains on the probes' tune parts learnt "a name and an e-mail" as an attack, and refused a lead giving
hers. Every message here is the customer's own data, given to be contacted. Built from templates with a fixed
seed; nothing comes from evals/ or a probe.

    python -m atende_guardrails.eval.build_own_contact

writes eval/injection_train7.tsv (columns as injection.tsv: label, language, kind, text)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).parent / "injection_train7.tsv"
SEED = 7
COUNT = 240

FIRST = ("Mariana", "Rafael", "Beatriz", "Gustavo", "Luana", "Thiago", "Camila", "Diego", "Patrícia", "Rodrigo",
         "Fernanda", "Lucas", "Juliana", "Marcelo", "Larissa", "Eduardo", "Vanessa", "Felipe", "Aline", "Henrique",
         "Priscila", "Leonardo", "Tatiane", "Bruno", "Renata", "Sérgio", "Gabriela", "Otávio", "Débora", "Caio",
         "Sarah", "Michael", "Emily", "David", "Laura", "Kevin", "Sofía", "Javier", "Valentina", "Andrés")
LAST = ("Albuquerque", "Moreira", "Cavalcanti", "Teixeira", "Nascimento", "Figueiredo", "Brandão", "Queiroz",
        "Vasconcelos", "Pinheiro", "Carvalho", "Monteiro", "Rezende", "Fonseca", "Siqueira", "Tavares", "Coutinho",
        "Medeiros", "Sampaio", "Andrade", "Miller", "Johnson", "Walker", "Fernández", "Gutiérrez", "Morales")
DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "icloud.com", "bol.com.br")
CITIES = ("Campinas", "Londrina", "Maringá", "Natal", "Aracaju", "Vitória da Conquista", "Juiz de Fora", "Palmas",
          "Cascavel", "Blumenau", "Petrolina", "Santarém", "Ribeirão Preto", "Sorocaba", "São José dos Campos")

PT_FRAMES = (
    "Meu nome é {name}, meu email é {email}{tail}",
    "me chamo {first}, email {email} e zap {phone}{tail}",
    "{name} aqui. Email: {email}, telefone {phone}{tail}",
    "pode anotar: {name}, {email}, {phone}{tail}",
    "sou o {first} {last}, pode me mandar no {email}{tail}",
    "sou a {first} {last}, manda a proposta no meu email {email}{tail}",
    "nome {name}\nemail {email}\ncel {phone}{tail}",
    "Nome: {name}\nE-mail: {email}\nTelefone: {phone}\nCidade: {city}{tail}",
    "meu email é {email}, pode me mandar por la{tail}",
    "blz, {name}, {email}. moro em {city}{tail}",
    "Olá! Sou {name}, de {city}. Meu contato é {email} ou {phone}{tail}",
    "oi, {first} aqui de {city}, meu whats é {phone} e email {email}{tail}",
    "troquei de email, o novo é {email}, atualiza no meu cadastro por favor{tail}",
    "pode falar com meu marido tb, {name}, {email}{tail}",
    "o email da empresa é {email}, em nome de {name}{tail}",
)
PT_TAILS = (
    "", ".", ". Orçamento de uns {money} reais.", ". A conta de luz vem uns {bill} por mês.",
    ", quero um orçamento pra minha casa.", ". Quero agendar uma visita.", ". Me liga depois das 18h.",
    ". pode me mandar o orçamento?", " obrigada!", ". tenho interesse no plano de {money}.",
    ". Quero saber o valor do kit pra casa.", ", moro em {city}.", ". prefiro contato por email 🙂",
    ". minha conta ta vindo {bill} reais", ". quero marcar uma avaliação", " vlw",
)
EN_FRAMES = (
    "My name is {name}, my email is {email}{tail}",
    "Hi, {name} here. You can reach me at {email} or {phone}{tail}",
    "Name: {name}\nEmail: {email}\nPhone: {phone}{tail}",
    "sure, it's {name}, {email}{tail}",
    "I'm {first} from {city}, email {email}{tail}",
    "please send the quote to {email}, attention {name}{tail}",
)
EN_TAILS = ("", ".", ". Budget around {money} reais.", ". Our bill is about {bill} a month.", ", thanks!",
            ". I'd like to book a visit.", ". Call me after 6pm.", ". Looking forward to the proposal.")
ES_FRAMES = (
    "Me llamo {name}, mi correo es {email}{tail}",
    "Soy {first} de {city}, mi correo {email} y teléfono {phone}{tail}",
)
ES_TAILS = ("", ".", ". Quiero un presupuesto.", ". Gracias!")


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


def _message(rng: random.Random, frames: tuple[str, ...], tails: tuple[str, ...]) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice((f"{_plain(first)}.{_plain(last)}", f"{_plain(first)}{rng.randint(1, 99)}",
                        f"{_plain(first)[0]}{_plain(last)}", f"{_plain(first)}_{_plain(last)[:4]}"))
    phone = rng.choice((f"({rng.randint(11, 99)}) 9{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                        f"{rng.randint(11, 99)}9{rng.randint(10000000, 99999999)}",
                        f"+55 {rng.randint(11, 99)} 9{rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"))
    values = {"first": first, "last": last, "name": f"{first} {last}", "email": f"{local}@{rng.choice(DOMAINS)}",
              "phone": phone, "city": rng.choice(CITIES), "money": rng.choice(("15 mil", "20 mil", "30 mil", "40k")),
              "bill": rng.choice(("350", "480", "600", "900", "1.200"))}
    tail = rng.choice(tails).format(**values)
    return rng.choice(frames).format(**values, tail=tail)


def build() -> list[tuple[str, str, str, str]]:
    rng = random.Random(SEED)
    rows: dict[str, tuple[str, str, str, str]] = {}
    while len(rows) < COUNT:
        roll = rng.random()
        lang, frames, tails = ("pt", PT_FRAMES, PT_TAILS) if roll < 0.72 else (
            ("en", EN_FRAMES, EN_TAILS) if roll < 0.92 else ("es", ES_FRAMES, ES_TAILS))
        text = _message(rng, frames, tails)
        rows.setdefault(text, ("benign", lang, "own_contact", text))
    return list(rows.values())


def main() -> int:
    header = ("# Ordinary messages in which customers give their own contact details (issue 16), generated by "
              "build_own_contact.py: see its docstring.\n")
    OUT.write_text(header + "".join("\t".join((*row[:3], row[3].replace("\n", "\\n"))) + "\n" for row in build()),
                   encoding="utf-8")
    print(f"wrote {OUT} ({COUNT} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
