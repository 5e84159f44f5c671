"""HTML pages: the headline and lead trafilatura leaves out, link lists and captions marked, and
the page furniture of German news sites set aside (eval/realworld has the pages it is measured on)."""

from __future__ import annotations

from quellenlage.layout import find_segments
from quellenlage.reading import read_article

BODY = (
    "Der Betroffenenvertreter kritisierte auf der Landessynode, es sei längst noch nicht in allen Gemeinden "
    "angekommen, den Missbrauch aufzuarbeiten. Die Synode tagt bis Donnerstag in Coburg."
)
PAGE = f"""<!-- auth - false -->
<!DOCTYPE html><html><head><title>Landeskirche will Missbrauch aufarbeiten | BR24</title>
<meta name="description" content="In Coburg hat die Landessynode begonnen."></head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/b">Bayern</a></li></ul></nav>
<article><header><h1><span>Evangelische Kirche</span> <span>Landeskirche will Missbrauch aufarbeiten</span></h1>
<section class="ArticleModuleTeaser_wrapper"><p class="teaserText">In Coburg hat die Landessynode der evangelischen
Kirche in Bayern begonnen. Am ersten Sitzungstag haben auch Betroffene gesprochen.</p></section></header>
<figure><img src="a.jpg"><figcaption>Landesbischof Christian Kopp bei der Synode in Coburg</figcaption></figure>
<p>{BODY}</p>
<p>Ein zweiter Absatz des Artikels, der die Debatte in der Synode und die Forderungen der Betroffenen schildert.</p>
<ul><li><a href="/x">Missbrauch: Was die Studie zeigt</a></li><li><a href="/y">Synode: Der Zeitplan</a></li></ul>
<p>Externer Inhalt nicht verfügbar</p>
</article></body></html>"""


def _kinds(html: str) -> dict[str, str]:
    article = read_article(html)
    return {s.text: s.kind for s in find_segments(article.text, article.hints)}


def test_headline_and_lead_come_back_and_comments_before_the_doctype_are_html() -> None:
    kinds = _kinds(PAGE)
    assert kinds["Evangelische Kirche Landeskirche will Missbrauch aufarbeiten"] == "headline"
    lead = next(text for text, kind in kinds.items() if kind == "lead")
    assert lead.startswith("In Coburg hat die Landessynode der evangelischen Kirche in Bayern begonnen.")
    assert kinds[BODY] == "body"


def test_link_lists_captions_and_embed_furniture_are_set_aside() -> None:
    kinds = _kinds(PAGE)
    article_kinds = {"headline", "lead", "body", "subheading", "blockquote", "kicker"}
    let_in = [text for text, kind in kinds.items() if kind in article_kinds]
    assert not any("Was die Studie zeigt" in text or "Externer Inhalt" in text for text in let_in)
    assert all("Landesbischof Christian Kopp" not in text for text in let_in)


def test_page_furniture_in_plain_text_is_no_body() -> None:
    text = (
        "Ampeln tot: Wie sicher ist das Stromnetz?\n"
        "In Berlin brennen zwei Strommasten. Zehntausende sind ohne Energie.\n"
        "- Veröffentlicht am 13. Mai 2026 um 15:44\n"
        "- 3 Minuten Lesezeit\n"
        "STR/AFP via Getty Images\n"
        "Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen aller externen Inhalte.\n"
        "Der Netzbetreiber spricht von einem Anschlag auf die Versorgung der Hauptstadt.\n"
        "Quellen:\n"
        "- Trump-Post bei Truth Social\n"
        "- Eigene Recherche\n"
        "Redaktion: Marcus Bensmann, Elena Müller\n"
        "(dmk)\n"
    )
    kinds = {s.text: s.kind for s in find_segments(text)}
    assert kinds["Der Netzbetreiber spricht von einem Anschlag auf die Versorgung der Hauptstadt."] == "body"
    for furniture in (
        "- Veröffentlicht am 13. Mai 2026 um 15:44",
        "- 3 Minuten Lesezeit",
        "STR/AFP via Getty Images",
        "- Trump-Post bei Truth Social",
        "- Eigene Recherche",
        "Redaktion: Marcus Bensmann, Elena Müller",
        "(dmk)",
    ):
        assert kinds[furniture] != "body", furniture


def test_a_heading_group_gives_the_headline_where_the_h1_is_the_site_name() -> None:
    """Pages that keep their h1 for the site's logo put the article's title in an hgroup."""
    html = (
        "<html><head><title>Nachrichten aus Bayern</title></head><body><header><a href='/'><h1>BR24</h1></a>"
        "</header><main><hgroup><p>Evangelische Kirche</p><h2>Landeskirche will Missbrauch aufarbeiten</h2></hgroup>"
        f"<article><p>{BODY}</p><p>Ein zweiter Absatz des Artikels, der die Debatte in der Synode schildert.</p>"
        "</article></main></body></html>"
    )
    kinds = _kinds(html)
    assert kinds["Landeskirche will Missbrauch aufarbeiten"] == "headline"
    assert kinds["Ein zweiter Absatz des Artikels, der die Debatte in der Synode schildert."] == "body"


def test_a_run_of_linked_titles_and_its_header_are_no_body() -> None:
    """A list of article links with one item the page marked as a link list, under a header
    ("Die wichtigsten News zum Nahost-Konflikt im Überblick"): all of it is boilerplate."""
    header = "Die wichtigsten News zum Nahost-Konflikt im Überblick"
    linked = "- Kinderschutz als Vorwand? Was hinter dem Gesetz steckt, das jetzt beschlossen wurde."
    text = (
        "Israel meldet Angriffe im Süden des Gazastreifens. Die Armee spricht von gezielten Einsätzen.\n"
        f"{header}\n"
        "- Nahost: Alle Entwicklungen im Liveblog\n"
        f"{linked}\n"
        "- Gaza: Die Lage der Hilfsorganisationen\n"
        "Die Verhandlungen über eine Waffenruhe sollen am Montag in Kairo weitergehen.\n"
    )
    start = text.index(linked)
    kinds = {s.text: s.kind for s in find_segments(text, [(start, start + len(linked), "boilerplate")])}
    for line in (
        header,
        "- Nahost: Alle Entwicklungen im Liveblog",
        linked,
        "- Gaza: Die Lage der Hilfsorganisationen",
    ):
        assert kinds[line] == "boilerplate", line
    assert kinds["Die Verhandlungen über eine Waffenruhe sollen am Montag in Kairo weitergehen."] == "body"


def test_a_list_of_points_under_a_sentence_keeps_its_sentence() -> None:
    """Only a heading right above the link list is its header; a sentence announcing points is body."""
    intro = "Die Koalition hat sich auf drei Punkte geeinigt, die bis zum Sommer umgesetzt werden sollen."
    points = "- Mehr Geld für Schulen\n- Weniger Bürokratie\n"
    text = f"Koalition einigt sich\n{BODY}\n{intro}\n{points}Der Kanzler sprach von einem guten Tag.\n"
    kinds = {s.text: s.kind for s in find_segments(text)}
    assert kinds[intro] == "body"


def test_hidden_link_labels_leave_the_sentence_whole() -> None:
    """'(öffnet im neuen Fenster)' is for screen readers; the extractor glued it into the sentence."""
    sentence = "Quantumscape versprach ihren Investoren , zu denen Volkswagen gehörte, einen revolutionären Akku."
    html = (
        "<html><body><article><h1>Hat Quantumscape genug Akkus gebaut?</h1>"
        f"<p>{BODY}</p><p>Quantumscape versprach ihren <a href='https://example.org'>Investoren"
        "<span class='go-vh'>(öffnet im neuen Fenster)</span></a> , zu denen Volkswagen gehörte, "
        "einen revolutionären Akku.</p></article></body></html>"
    )
    article = read_article(html)
    assert sentence in article.text and "Fenster" not in article.text


def test_newsletter_boxes_and_consent_text_are_boilerplate() -> None:
    consent = (
        "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können personenbezogene "
        "Daten an Drittplattformen übermittelt werden. Mehr Informationen dazu erhalten Sie in den "
        "Datenschutz-Einstellungen. Diese finden Sie ganz unten auf unserer Seite im Footer, sodass Sie Ihre "
        "Einstellungen jederzeit verwalten oder widerrufen können."
    )
    html = (
        "<html><body><article><h1>Landeskirche will Missbrauch aufarbeiten</h1>"
        f"<p>{BODY}</p><div><section aria-label='Newsletter Anmeldung'><h3>Hauptstadt Inside von Jörg Quoos</h3>"
        "<p>Hinter den Kulissen der Politik - meinungsstark, exklusiv, relevant.</p>"
        "<form><input type='email'></form></section></div>"
        "<p>Ein zweiter Absatz des Artikels, der die Debatte in der Synode und die Forderungen schildert.</p>"
        f"<div><p>{consent}</p></div>"
        "<p>Ein dritter Absatz des Artikels, der die Debatte in der Synode weiter schildert.</p>"
        "</article></body></html>"
    )
    kinds = _kinds(html)
    assert kinds["Hauptstadt Inside von Jörg Quoos"] == "boilerplate"
    assert kinds["Hinter den Kulissen der Politik - meinungsstark, exklusiv, relevant."] == "boilerplate"
    assert kinds[consent] == "boilerplate"
    assert kinds["Ein dritter Absatz des Artikels, der die Debatte in der Synode weiter schildert."] == "body"


def test_a_call_for_tips_is_no_body() -> None:
    call = (
        "Sie arbeiten an einer Hochschule und haben Hinweise zum Themengebiet? Melden Sie vertraulich und "
        "sicher via Signal bei unserem Reporter."
    )
    text = f"Spionage an Hochschulen\n{BODY}\n{call}\nDer Fall beschäftigt die Behörden seit Jahren.\n"
    kinds = {s.text: s.kind for s in find_segments(text)}
    assert kinds[call] == "boilerplate"


def test_a_video_teaser_with_its_stamp_at_the_end_is_media() -> None:
    teaser = "Nach dem Angriff auf Israel wurden schärfere Sanktionen beschlossen. 18.04.2024 | 0:21 min"
    text = f"Handel mit Iran\n{BODY}\n{teaser}\nDer Handel mit dem Iran ist seit Jahren rückläufig, sagt der Experte.\n"
    kinds = {s.text: s.kind for s in find_segments(text)}
    assert kinds["Nach dem Angriff auf Israel wurden schärfere Sanktionen beschlossen."] == "media"
    assert kinds["18.04.2024 | 0:21 min"] == "media"
    assert kinds["Der Handel mit dem Iran ist seit Jahren rückläufig, sagt der Experte."] == "body"


def test_the_last_paragraph_before_the_source_note_is_body_and_a_photo_caption_stays_one() -> None:
    caption = "Deutschlands Handel mit dem Iran ist in den vergangenen Jahren stark zurückgegangen."
    last = "Die Ausstellungen von Titus Schade in Leipzig sind bis Juni zu sehen, sagt die Galerie."
    middle = "Der Handel ist seit Jahren rückläufig."
    text = f"Handel mit Iran\n{BODY}\n{caption}\nQuelle: AFP\n{middle}\n{last}\nQuelle: ntv.de\n"
    kinds = {s.text: s.kind for s in find_segments(text)}
    assert kinds[caption] == "caption"
    assert kinds[last] == "body"


TICKER = "Bei israelischen Angriffen im Gazastreifen sind nach palästinensischen Angaben 18 Menschen getötet worden."
STILL = "Der Zivilschutz teilte mit, im Viertel Tufa seien am Montagabend drei Kinder ums Leben gekommen."


def test_a_list_without_links_is_article_text_and_at_the_end_a_source_list() -> None:
    """A ticker's summary is a list of titles without links (BR): part of the article. The same
    shape after the last paragraph is the article's source list (t-online), and a list with a
    promo item is a promo box (Freie Presse)."""
    html = (
        "<html><head><title>Nahost-Ticker</title></head><body><article><h1>Nahost-Ticker: Die Lage am Dienstag</h1>"
        "<p><b>Die wichtigsten News im Überblick</b></p>"
        "<ul><li>Mittlerweile 640 Tote im Westjordanland (05.19 Uhr)</li>"
        f"<li>Palästinenser mutmaßlich von Siedlern erschossen (11.13 Uhr)</li></ul><p>{TICKER}</p><p>{STILL}</p>"
        "<ul><li>Mehr Lesekomfort auch für unterwegs</li><li>E-Paper und News in einer App</li></ul>"
        "<ul><li>Trump-Post bei Truth Social</li><li>Eigene Recherche</li></ul></article></body></html>"
    )
    kinds = _kinds(html)
    assert kinds["- Mittlerweile 640 Tote im Westjordanland (05.19 Uhr)"] not in ("boilerplate", "caption")
    assert kinds["- Palästinenser mutmaßlich von Siedlern erschossen (11.13 Uhr)"] not in ("boilerplate", "caption")
    for furniture in ("- Mehr Lesekomfort auch für unterwegs", "- Trump-Post bei Truth Social", "- Eigene Recherche"):
        assert kinds[furniture] == "boilerplate", furniture


def test_the_lead_right_after_the_heading_group_and_the_intro_after_it_come_back() -> None:
    """Funke pages: the lead is a div of spans right after the hgroup ("Essen. Drei uralte
    Städte …"), and an intro paragraph trafilatura drops follows before the body."""
    lead = "Drei uralte Städte tauchen im Dickicht des Regenwalds auf. Was sie offenbaren, stellt vieles auf den Kopf."
    intro = (
        "Tief verborgen unter dem dichten Dach des Regenwaldes kommen verborgene Städte ans Licht – und mit ihnen "
        "das Wissen einer Hochkultur. Die Funde sind eine Sensation."
    )
    html = (
        "<html><head><title>Maya-Städte | WAZ</title></head><body><main><nav><h1>Archäologie: Maya-Städte</h1></nav>"
        "<hgroup><div><span>Archäologische Sensation</span></div><h2>Unbekannte Maya-Städte werfen neues Licht</h2>"
        f"</hgroup><div class='copy'><span>Essen.</span> <span>{lead}</span></div><aside>Anzeige</aside>"
        f"<div class='intro'><p>{intro}</p></div><article><p>{BODY}</p>"
        "<p>Ein zweiter Absatz des Artikels, der die Funde der Archäologen in Guatemala beschreibt.</p>"
        "</article></main></body></html>"
    )
    kinds = _kinds(html)
    assert kinds["Unbekannte Maya-Städte werfen neues Licht"] == "headline"
    assert kinds[f"Essen. {lead}"] == "lead"
    assert kinds[intro] == "body"


def test_an_article_header_with_an_h2_gives_headline_and_lead() -> None:
    """Pages without h1 (SZ): the h2 in the article's header is the headline, the paragraph
    after the header its lead."""
    lead = (
        "Beim 50. Berlin-Marathon überrascht die zweite Reihe mit cleverer Taktik. Wie Sebastian Hendel Vaterrolle, "
        "Studium und Profitum vereint."
    )
    html = (
        "<html><head><title>Berlin-Marathon: Sebastian Hendel im Porträt</title></head><body><article><header>"
        "<h2><span>Marathon in Berlin</span><span>:</span> <span>Im harten Läuferalltag weit nach vorne</span></h2>"
        f"</header><style>.a{{color:red}}</style><p>{lead}</p><div><p>{BODY}</p>"
        "<p>Ein zweiter Absatz des Artikels, der das Rennen der Männer schildert.</p></div></article></body></html>"
    )
    kinds = _kinds(html)
    assert kinds["Marathon in Berlin: Im harten Läuferalltag weit nach vorne"] == "headline"
    assert kinds[lead] == "lead"


def test_the_text_of_an_image_box_is_its_caption_and_the_share_bar_is_boilerplate() -> None:
    """A caption without figcaption (Sportschau's "absatzbild") is all the text of the box around
    its picture; the error report box in the share bar (Focus) is no article text; a topic tag
    in the article's class ("tag-social-media") is no share bar."""
    caption = "Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool"
    html = (
        "<html><head><title>Everton</title></head><body><article class='post tag-social-media'>"
        "<h1>Everton schlägt Liverpool</h1>"
        f"<p>{BODY}</p><div class='absatzbild'><div><picture><img src='a.jpg' alt='x'></picture></div>"
        f"<div class='info'><p class='info-text'>{caption}</p></div></div>"
        "<p>Ein zweiter Absatz des Artikels, der das Spiel in Liverpool am Mittwochabend schildert.</p>"
        "<ul id='article-social'><li><span>Fehler melden</span><div class='box'>"
        "<div class='err_headline'>In der Pflanze steckt keine Gentechnik</div></div></li></ul></article></body></html>"
    )
    kinds = _kinds(html)
    assert kinds[caption] == "caption"
    assert kinds.get("In der Pflanze steckt keine Gentechnik", "boilerplate") == "boilerplate"
    assert kinds["Ein zweiter Absatz des Artikels, der das Spiel in Liverpool am Mittwochabend schildert."] == "body"
