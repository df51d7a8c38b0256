//! A workspace driven as the page drives it, with a clock that ticks one millisecond per
//! command, for the workspace tests (and the edit tests that go through it).
#![allow(dead_code)]

use spanmark_core::workspace::{Command, Ctx, Effect, Update, Workspace};
use spanmark_core::{CoreError, Document, Edit, Schema};

pub struct Desk {
    pub ws: Workspace,
    pub now: f64,
    /// What the last command returned.
    pub last: Update,
}

impl Desk {
    pub fn new() -> Desk {
        Desk {
            ws: Workspace::new(Schema::news()),
            now: 1_000.0,
            last: Update::default(),
        }
    }

    /// A workspace holding one open document "d" with this text (no suggestions).
    pub fn with_text(text: &str) -> Desk {
        let mut desk = Desk::new();
        desk.run(Command::Restore {
            documents: vec![Document::new("d", "t", text)],
            schema: Schema::news(),
            current: Some("d".into()),
        });
        desk
    }

    pub fn run(&mut self, command: Command) -> &Update {
        self.now += 1.0;
        let ctx = Ctx {
            now: self.now,
            salt: 7,
        };
        self.last = self.ws.update(command, &ctx);
        &self.last
    }

    /// Run a command; its error sentence as an `Err`, whether it saved anything as `Ok`.
    pub fn try_run(&mut self, command: Command) -> Result<bool, String> {
        let up = self.run(command);
        match up.notice() {
            Some(n) if n.error => Err(n.text.clone()),
            _ => Ok(up.saved().is_some()),
        }
    }

    pub fn apply(&mut self, edit: &Edit) -> Result<bool, String> {
        self.try_run(Command::Edit(edit.clone()))
    }

    pub fn undo(&mut self) -> Result<bool, String> {
        self.try_run(Command::Undo)
    }

    pub fn redo(&mut self) -> Result<bool, String> {
        self.try_run(Command::Redo)
    }

    /// The open document.
    pub fn doc(&self) -> &Document {
        self.ws.current().expect("a document is open")
    }

    /// Label a browser selection (UTF-16 offsets) as the page does: snap it to tokens,
    /// make it the pending selection, press the label's key. The span's code point range.
    pub fn label_selection_utf16(
        &mut self,
        start: usize,
        end: usize,
        label: &str,
    ) -> Result<(usize, usize), CoreError> {
        let range = self.doc().snap_utf16(start, end)?;
        self.run(Command::SetPending(Some(range)));
        self.run(Command::ApplyLabel(label.into()));
        if let Some(n) = self.last.notice().filter(|n| n.error) {
            return Err(CoreError::Invalid(n.text.clone()));
        }
        Ok(range)
    }

    pub fn has(&self, effect: &Effect) -> bool {
        self.last.effects.contains(effect)
    }

    /// (text, label) of every span of the open document.
    pub fn labelled(&self) -> Vec<(&str, &str)> {
        let d = self.doc();
        d.spans()
            .iter()
            .map(|s| (d.slice(s.start, s.end), s.label.as_str()))
            .collect()
    }
}
