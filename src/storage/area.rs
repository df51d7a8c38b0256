//! The storage area behind the store: the browser's localStorage, or a plain map in
//! memory when localStorage is missing, blocked or throws. No call here panics.
//!
//! gloo-storage's `LocalStorage` calls `unwrap_throw` when storage is unavailable and
//! hits `unreachable!` if a non-`Error` value is thrown, so this wrapper holds the
//! `web_sys::Storage` handle itself and turns every JavaScript exception into a value.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsValue;
use web_sys::js_sys::Reflect;

use super::meter::units;

/// Why a write did not happen. On either, whatever was stored under the key before is
/// still there: `setItem` replaces a value whole or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's quota is used up (`QuotaExceededError`).
    Full,
    /// Any other exception, with the browser's message.
    Failed(String),
}

/// A storage backend plus the size of every key in it (UTF-16 units of key and value),
/// kept up to date by this wrapper's own writes so the meter never rereads 5 MB.
pub struct Area {
    backend: Backend,
    sizes: RefCell<BTreeMap<String, usize>>,
}

enum Backend {
    Local(web_sys::Storage),
    Memory(RefCell<BTreeMap<String, String>>),
}

const PROBE_KEY: &str = "spanmark/1/probe";

/// The exception's name and message, whatever was thrown.
pub fn describe(err: &JsValue) -> (String, String) {
    let field = |name: &str| {
        Reflect::get(err, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name.is_empty() && message.is_empty() {
        return (
            String::new(),
            err.as_string().unwrap_or_else(|| "unknown error".into()),
        );
    }
    (name, message)
}

fn write_error(err: &JsValue) -> WriteError {
    let (name, message) = describe(err);
    let code = Reflect::get(err, &JsValue::from_str("code"))
        .ok()
        .and_then(|c| c.as_f64());
    // Chromium/WebKit: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED.
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0) {
        WriteError::Full
    } else {
        WriteError::Failed(if message.is_empty() { name } else { message })
    }
}

impl Area {
    /// localStorage if it can be read and written; otherwise memory and the reason.
    pub fn open() -> (Area, Option<String>) {
        let storage = match web_sys::window().map(|w| w.local_storage()) {
            None => return (Area::memory(), Some("there is no window".into())),
            Some(Err(e)) => return (Area::memory(), Some(describe(&e).1)),
            Some(Ok(None)) => {
                return (
                    Area::memory(),
                    Some("this browser has no local storage".into()),
                )
            }
            Some(Ok(Some(s))) => s,
        };
        if let Err(e) = storage.get_item(PROBE_KEY) {
            return (Area::memory(), Some(describe(&e).1));
        }
        match storage
            .set_item(PROBE_KEY, "1")
            .map_err(|e| write_error(&e))
        {
            // A full store still keeps what it has: open it and let saves report "full".
            Ok(()) | Err(WriteError::Full) => {
                let _ = storage.remove_item(PROBE_KEY);
                (Area::with(Backend::Local(storage)), None)
            }
            Err(WriteError::Failed(why)) => (Area::memory(), Some(why)),
        }
    }

    pub fn memory() -> Area {
        Area::with(Backend::Memory(RefCell::new(BTreeMap::new())))
    }

    fn with(backend: Backend) -> Area {
        let area = Area {
            backend,
            sizes: RefCell::default(),
        };
        area.rescan();
        area
    }

    /// True when what is written here outlives the page.
    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// Re-read every key's size (after another tab or page wrote, or a write failed).
    pub fn rescan(&self) {
        let sizes = self
            .keys()
            .into_iter()
            .map(|k| {
                let size = units(&k) + self.get(&k).ok().flatten().map_or(0, |v| units(&v));
                (k, size)
            })
            .collect();
        *self.sizes.borrow_mut() = sizes;
    }

    /// (units used by every key, units used by keys starting with `prefix`)
    pub fn used(&self, prefix: &str) -> (usize, usize) {
        let sizes = self.sizes.borrow();
        let all = sizes.values().sum();
        let ours = sizes
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(_, v)| v)
            .sum();
        (all, ours)
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        match &self.backend {
            Backend::Local(s) => s.get_item(key).map_err(|e| describe(&e).1),
            Backend::Memory(m) => Ok(m.borrow().get(key).cloned()),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match &self.backend {
            Backend::Local(s) => s.set_item(key, value).map_err(|e| write_error(&e))?,
            Backend::Memory(m) => {
                m.borrow_mut().insert(key.to_string(), value.to_string());
            }
        }
        self.sizes
            .borrow_mut()
            .insert(key.to_string(), units(key) + units(value));
        Ok(())
    }

    pub fn remove(&self, key: &str) -> Result<(), String> {
        match &self.backend {
            Backend::Local(s) => s.remove_item(key).map_err(|e| describe(&e).1)?,
            Backend::Memory(m) => {
                m.borrow_mut().remove(key);
            }
        }
        self.sizes.borrow_mut().remove(key);
        Ok(())
    }

    /// Every key in the area (empty if it cannot be listed).
    pub fn keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Local(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            Backend::Memory(m) => m.borrow().keys().cloned().collect(),
        }
    }
}
