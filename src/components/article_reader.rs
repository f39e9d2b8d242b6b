use claimscope_model::reader::{self, Piece, Segment};
use leptos::prelude::*;

use super::{ClaimCard, SaidMark};
use crate::explorer::Explorer;

/// One article's text with clutter dimmed, every claim highlighted and every attribution's
/// content underlined with who says it (as text, never HTML); clicking a highlight shows its
/// claim card; the article's claims are listed beside it.
#[component]
pub fn ArticleReader(doc: String) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let Some(document) = ex.corpus.document(&doc) else {
        return view! { <p class="hint">"No such article."</p> }.into_any();
    };
    let claims = reader::article_claims(ex.corpus, &doc);
    let positions: Vec<u32> = claims.iter().map(|(i, _)| *i).collect();
    let attributions = reader::article_attributions(ex.corpus, &doc);
    let said = attributions.len();
    // A built-in article's text is a file of its own, fetched now; an imported one's is here.
    let text = RwSignal::new(document.text.clone());
    let missing = RwSignal::new(None::<String>);
    if document.text.is_none() {
        let doc = doc.clone();
        leptos::task::spawn_local(async move {
            match crate::data::fetch_text(&doc).await {
                Ok(t) => _ = text.try_set(Some(t)),
                Err(e) => _ = missing.try_set(Some(e)),
            }
        });
    }
    let selected = move || {
        ex.state
            .with(|s| s.claim.clone())
            .and_then(|id| ex.position(&id))
    };
    let (clutter, outlet) = (document.clutter.clone(), document.outlet.clone());
    let (in_text, said_in_text) = (claims.clone(), attributions.clone());
    let body = move || match text.get() {
        Some(t) => {
            let segments = reader::segments(&t, &clutter, &in_text, &said_in_text);
            pieces_view(ex, &t, outlet.as_deref(), reader::nest(segments))
        }
        None => {
            let note = missing
                .get()
                .unwrap_or_else(|| "Loading the article…".into());
            view! { <p class="hint">{note}</p> }.into_any()
        }
    };
    let meta = [document.outlet.clone(), document.published.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let url = document.url.clone();
    let card = move || {
        selected().filter(|i| positions.contains(i)).map(|i| {
            let c = ex.claim(i).clone();
            let d = ex.corpus.document(&c.doc).cloned();
            view! { <ClaimCard claim=c document=d /> }
        })
    };
    view! {
        <div class="reader">
            <article class="article" aria-label=document.title.clone()>
                <h2>{document.title.clone()}</h2>
                <p class="article-meta">
                    {meta}
                    {url.map(|u| view! { " · " <a href=u.clone() rel="noopener noreferrer" target="_blank">"original"</a> })}
                </p>
                {(said > 0).then(|| view! {
                    <p class="hint said-legend">
                        <span class="said-key">"Underlined"</span>
                        {format!(": who says what ({said} in this article). Hover over or focus a passage to see who.")}
                    </p>
                })}
                <div class="article-text">{body}</div>
            </article>
            <aside class="reader-side" aria-label="Claims in this article">
                <div class="selected-claim" aria-live="polite">
                    {move || card().map(IntoAny::into_any).unwrap_or_else(|| view! {
                        <p class="hint">"Click a highlighted passage to see its claim."</p>
                    }.into_any())}
                </div>
                <h3>{format!("{} claims in this article", claims.len())}</h3>
                <ul class="doc-claims">
                    {claims.iter().map(|&(i, c)| {
                        let who = c.source.clone().unwrap_or_else(|| "the outlet".into());
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="doc-claim"
                                    data-claim=c.id.clone()
                                    aria-pressed=move || ex.is_selected(i).to_string()
                                    on:click=move |_| ex.select(i)
                                >
                                    <span class="tag">{ex.corpus.claim_summary(c)}</span>
                                    " · "
                                    <span>{who}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </aside>
        </div>
    }
    .into_any()
}

/// The reader's pieces: attribution contents ([`SaidMark`]) around runs of text.
fn pieces_view(ex: Explorer, text: &str, outlet: Option<&str>, pieces: Vec<Piece>) -> AnyView {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Run(seg) => run_view(ex, text, seg),
            Piece::Said {
                attribution,
                first,
                pieces,
            } => {
                let a = &ex.corpus.attributions[attribution as usize];
                let inner = pieces_view(ex, text, outlet, pieces);
                view! {
                    <SaidMark label=reader::said_by(a, text, outlet) named=reader::is_named(a) first=first>
                        {inner}
                    </SaidMark>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// One run of text: a claim's figure or stance words (a button that selects the claim), or a
/// span classed by what the run is (a claim's sentence, clutter, attribution cue or source
/// words), or plain text.
fn run_view(ex: Explorer, text: &str, seg: Segment) -> AnyView {
    let piece = text[seg.start..seg.end].to_string();
    let mut class = String::new();
    for (on, name) in [
        (!seg.mention.is_empty(), "mention"),
        (!seg.quote.is_empty() && seg.mention.is_empty(), "quoted"),
        (seg.clutter, "clutter"),
        (seg.cue, "cue"),
        (seg.source, "src"),
    ] {
        if on {
            if !class.is_empty() {
                class.push(' ');
            }
            class.push_str(name);
        }
    }
    if let Some(&first) = seg.mention.first() {
        let ids = seg.mention;
        let label = format!("Claim: {}", ex.corpus.claim_summary(ex.claim(first)));
        view! {
            <mark
                class=class
                class:selected=move || ids.iter().any(|&i| ex.is_selected(i))
                tabindex="0"
                role="button"
                aria-label=label
                data-claim=ex.claim(first).id.clone()
                on:click=move |_| ex.select(first)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        ex.select(first);
                    }
                }
            >
                {piece}
            </mark>
        }
        .into_any()
    } else if !seg.quote.is_empty() {
        let ids = seg.quote;
        view! {
            <span class=class class:selected=move || ids.iter().any(|&i| ex.is_selected(i))>
                {piece}
            </span>
        }
        .into_any()
    } else if !class.is_empty() {
        view! { <span class=class>{piece}</span> }.into_any()
    } else {
        piece.into_any()
    }
}
