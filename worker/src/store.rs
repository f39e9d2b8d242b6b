//! The imported articles kept in this browser: an IndexedDB object store of encoded articles
//! (`claimscope_model::embed`), keyed by article id.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const DATABASE: &str = "claimscope";
const ARTICLES: &str = "articles";

fn says(e: impl std::fmt::Display) -> String {
    e.to_string()
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(says)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(says)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|s| s == ARTICLES) {
                let _ = db.create_object_store(ARTICLES, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(says)
}

/// Stores `articles` as (id, encoded) pairs, replacing any with the same id.
pub async fn put(articles: &[(String, String)]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES], TransactionMode::ReadWrite)
        .map_err(says)?;
    let store = tx.object_store(ARTICLES).map_err(says)?;
    for (id, encoded) in articles {
        store
            .put(&JsValue::from_str(encoded), Some(&JsValue::from_str(id)))
            .map_err(says)?
            .await
            .map_err(says)?;
    }
    tx.commit().map_err(says)?.await.map_err(says)?;
    Ok(())
}

/// Forgets the article `id` (`None`: all of them).
pub async fn remove(id: Option<&str>) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES], TransactionMode::ReadWrite)
        .map_err(says)?;
    let store = tx.object_store(ARTICLES).map_err(says)?;
    match id {
        Some(id) => store
            .delete(JsValue::from_str(id))
            .map_err(says)?
            .await
            .map_err(says)?,
        None => store.clear().map_err(says)?.await.map_err(says)?,
    }
    tx.commit().map_err(says)?.await.map_err(says)?;
    Ok(())
}

/// Every stored article, encoded, in id order.
pub async fn all() -> Result<Vec<String>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ARTICLES], TransactionMode::ReadOnly)
        .map_err(says)?;
    let store = tx.object_store(ARTICLES).map_err(says)?;
    let values = store
        .get_all(None, None)
        .map_err(says)?
        .await
        .map_err(says)?;
    Ok(values.into_iter().filter_map(|v| v.as_string()).collect())
}
