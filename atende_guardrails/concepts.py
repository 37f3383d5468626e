"""Concept classes for the injection classifier's structural features.

An attack is a structure more than a phrase: an override verb aimed at the rules
("desconsidere as diretrizes", "vergiss deine Anweisungen"), a reveal verb aimed at a
secret, a persona switch, someone else's personal data. The n-grams learn the
phrases they saw; these features let the classifier learn the structure once and
apply it to words and languages it saw less often. Each folded word (canonical view:
lower case, no accents) belongs to at most one concept; a window adds one feature per
concept word and one per ordered pair of concepts it holds (first occurrence order).

Hard negatives hold the same words ("vocês ignoram meus e-mails", "esqueci a senha"):
the classifier learns which pairs matter from the training data, and words that only
a complaint uses ("esqueci", "ignoram") are deliberately not listed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_GROUPS: dict[str, str] = {
    # Verbs that set the rules aside, in the forms an instruction uses (imperative, infinitive).
    "override": (
        "ignore ignora ignorar ignorem ignorez ignorer ignoriere ignorieren ignorate ignora disregard desconsidere "
        "desconsidera desconsiderar desconsiderem forget esqueca esquece esquecer esquecam olvida olvide olvidar oublie "
        "oubliez oublier vergiss vergesst dimentica dimenticate discard descarte descarta descartar despreze desprezar "
        "override overrule overwrite bypass burle burlar burla contorne contornar circumvent abandon abandone abandona "
        "anule anula anular revoke revogue revoga revogada revogadas revoked void nullify skip pule pula pular drop "
        "apague apaga apagar zere zera reset resete reseta suspend suspenda suspende quebre quebra quebrar disable "
        "desative desativa desativar desactiva desactive deaktiviere disattiva unlock desbloqueie desbloqueia"
    ),
    # What the attack is aimed at: the assistant's rules and setup.
    "rules": (
        "instructions instruction instrucoes instrucao rules rule regras regra regrinhas guidelines guideline diretrizes "
        "diretriz orientacoes orientacao orientacoes policies policy politicas politica directives directive programming "
        "programacao configuration configuracao configuracoes restrictions restriction restricoes restricao filters "
        "filter filtros filtro limits limites guardrails safeguards prompt prompts script roteiro reglas regla normas "
        "norma indicaciones instrucciones directrices consignes regles anweisungen anweisung regeln richtlinien vorgaben "
        "istruzioni regole direttive guidance constraints protocolos safety seguranca "
        "restrizioni limiti filtri restricciones einschrankungen grenzen filtres politiche richtlinie"
    ),
    "prior": (
        "previous prior earlier above anteriores anterior acima original originais initial iniciais bisherigen "
        "vorherigen obigen precedenti precedentes precedente anteriori anterieures previas preceding"
    ),
    "now": "now agora daqui doravante ahora desormais jetzt adesso henceforth onwards maintenant ora",
    "reveal": (
        "reveal revele revela revelar show mostre mostra mostrar print imprima imprime output repeat repita repete copy "
        "copie copia quote cite list liste display exiba exibe dump leak vaze vazar expose exponha disclose divulgue "
        "muestra muestrame dime affiche montre zeig zeige rivela rivelami mostrami dimmi verbatim literalmente "
        "dammi mandami gib schick schicke nenne pasame dame ecris scrivi escribe"
    ),
    "secret": (
        "password passwords senha senhas api key keys chave chaves token tokens credentials credenciais secret secrets "
        "segredo segredos confidential confidencial confidenciais hidden oculto oculta ocultas ocultos internal interna "
        "internas interno internos contrasena mot passe passwort zugangsdaten segreto segreti "
        "segreta segrete secreta secreto secrete geheim geheime geheimen clave claves chiave chiavi schlussel kennwort "
        "credenziali"
    ),
    "setup": (
        "system sistema systeme systemnachricht setup configured configuraram configurado programaram programmed "
        "developers desenvolvedores creators criadores"
    ),
    "ai": "ai ia assistant assistente asistente bot chatbot robo model modelo llm gpt chatgpt agent agente",
    "persona": (
        "pretend finja finge fingir roleplay imagine act aja atue interprete interpreta simulate simule simula character "
        "personagem persona dan jailbreak jailbroken unfiltered uncensored unrestricted censura censorship"
    ),
    "negation": "no not never nao sem without sin sans ohne senza nunca nenhuma nenhum nothing nada "
        "non kein keine keinen nessuna nessun aucune aucun ninguna ningun",
    "others": "other others outros outras outro outra another everyone todos todas last ultimo ultima anyone qualquer",
    "people": (
        "customers customer clientes cliente users user usuarios usuario client clients people pessoas compradores "
        "comprador buyers buyer leads titulares kunden kunde clienti utenti utilisateurs vizinho vizinha neighbour "
        "neighbor coworker"
    ),
    "personal": (
        "cpf cnpj rg address addresses endereco enderecos email emails phone phones telefone telefones card cards cartao "
        "cartoes history historico cadastro cadastros database banco celular whatsapp contato contatos contacts nomes "
        "names cpfs dados telefonos telefono adresses adresse indirizzo daten datos dati donnees "
        "handynummer handynummern telefonnummer telefonnummern adressen anschrift numeri indirizzi correos direcciones "
        "coordonnees kundendaten"
    ),
    "authority": (
        "admin administrador administrator root sudo authorized autorizado autorizada authorization autorizacao "
        "developer desenvolvedor engineering engenharia staff elevated maintenance manutencao supervisor operator "
        "operador privileges privilegios permissao permissions debug superuser entwickler sviluppatore desarrollador"
    ),
    # Harvesting in bulk: a file or table of records, the shape a data-harvesting request takes.
    "bulk": (
        "planilha spreadsheet csv relatorio report export exporta exporte exportar extraia extrair extract tabela table "
        "registros records relacao elenco kundenliste kundendatenbank kundenkartei"
    ),
    # The customer's own: "meus dados" is an access request (LGPD), not someone else's data.
    "self": "meu minha meus minhas my mine myself proprio propria mis mon mio mia miei mein meine",
    "obey": "obey obedeca obedecer obedece comply cumpra follow siga sigas seguir segue obeys",
}

CONCEPTS: dict[str, str] = {}
for _concept, _words in _GROUPS.items():
    for _word in _words.split():
        CONCEPTS.setdefault(_word, _concept)

# A window's concepts beyond this many add no pairs (the pair count grows with its square).
MAX_CONCEPTS_PER_WINDOW = 8


def concept_of(word: str) -> str | None:
    return CONCEPTS.get(word)


def concept_pairs(words: Sequence[str] | Iterable[str]) -> list[str]:
    """The ordered concept pairs of a window ("override>rules"), by first occurrence."""
    seen: list[str] = []
    for word in words:
        concept = CONCEPTS.get(word)
        if concept is not None and concept not in seen:
            seen.append(concept)
            if len(seen) >= MAX_CONCEPTS_PER_WINDOW:
                break
    return [f"{a}>{b}" for i, a in enumerate(seen) for b in seen[i + 1 :]]
