//! Review commands on the workspace: loading annotators, starting an adjudication (gold
//! documents in the normal list), choices as one undo step of the gold document each.

use super::review::{load_team, ReviewCommand};
use super::{touch, Ctx, Effect, Save, Update, Workspace};
use crate::edit::Step;
use crate::error::CoreError;
use crate::history::History;
use crate::links::LinksChange;
use crate::review::{gold_links, Adjudication, Choice};
use crate::span::Span;

fn invalid(e: impl ToString) -> CoreError {
    CoreError::Invalid(e.to_string())
}

impl Workspace {
    pub(super) fn review_command(
        &mut self,
        command: ReviewCommand,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        use ReviewCommand as R;
        up.change.review = true;
        match command {
            R::Show(open) => self.review.open = open,
            R::Load(files) => {
                let (team, agreement) = load_team(&files).map_err(invalid)?;
                self.review.team = Some(team);
                self.review.agreement = Some(agreement);
                self.review.pair = 0;
                up.effect(Effect::Unsay);
                self.save_team(up);
                if self.review.adjudication.is_some() {
                    // the running adjudication was made on the team before: saved whole now
                    self.review.from_team = false;
                    self.save_review(up);
                }
            }
            R::Rename { annotator, name } => {
                let team = self.review.team.as_mut().ok_or_else(no_team)?;
                team.rename(annotator, &name).map_err(invalid)?;
                self.save_team(up);
            }
            R::RestoreTeam(raw) => self.review.restore_team(&raw).map_err(invalid)?,
            R::Open(file) => self.open_review_file(&file, ctx, up)?,
            R::SelectPair(p) => {
                let pairs = self.review.agreement.as_ref().map_or(0, |a| a.pairs.len());
                if p < pairs {
                    self.review.pair = p;
                }
            }
            R::AcceptAgreed(on) => self.review.settings.accept_agreed = on,
            R::Start => self.start_adjudication(ctx, up)?,
            R::Take(k) => self.choose(Choice::Take { annotator: k }, ctx, up)?,
            R::Both => self.choose(Choice::Both, ctx, up)?,
            R::Neither => self.choose(Choice::Neither, ctx, up)?,
            R::Edit => self.edit_in_document(up)?,
            R::Next | R::Prev | R::Go(_) => {
                let adj = self
                    .review
                    .adjudication
                    .as_ref()
                    .ok_or_else(no_adjudication)?;
                let at = self.review.position;
                let to = match command {
                    R::Next => adj.next(at),
                    R::Prev => adj.prev(at),
                    R::Go(p) => (p < adj.len()).then_some(p),
                    _ => None,
                };
                // only the shown disagreement moves: the views of the team, the agreement
                // and the decisions are not told, so they do not recompute
                up.change.review = false;
                if to.is_some() && to != at {
                    self.review.position = to;
                    up.change.review_position = true;
                    self.save_review(up);
                }
            }
            R::Undo => match self.review.undo_kinds.pop() {
                Some(true) => self.undo_fix(ctx, up)?,
                _ => self.undo_choice(ctx, up)?,
            },
            R::Restore(raw) => {
                self.review.restore_blob(&raw).map_err(invalid)?;
                // The gold documents' own undo steps no longer match the restored decisions.
                for id in &self.review.gold {
                    self.histories.remove(id);
                }
            }
            R::Finish => {
                self.review.adjudication = None;
                self.review.gold.clear();
                self.review.position = None;
                self.save_review(up);
            }
            other => self.consistency_command(other, ctx, up)?,
        }
        Ok(())
    }

    fn start_adjudication(&mut self, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        if self.review.adjudication.is_some() {
            return Err(invalid(
                "An adjudication is under way; finish it before starting another.",
            ));
        }
        let team = self.review.team.as_ref().ok_or_else(no_team)?;
        let adj = Adjudication::new(team, self.review.settings);
        if adj.cases.is_empty() {
            return Err(invalid(
                "No document is shared by two annotators, so there is nothing to adjudicate.",
            ));
        }
        self.begin(adj, true, ctx, up)
    }

    /// Open a review file: its gold documents join the list and the adjudication carries on
    /// where the file stands (decisions and undo steps included).
    fn open_review_file(
        &mut self,
        file: &crate::formats::InputFile,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        if self.review.adjudication.is_some() {
            return Err(invalid(
                "An adjudication is under way; finish it before opening a review file.",
            ));
        }
        let raw = String::from_utf8_lossy(&file.bytes);
        let adj = Adjudication::from_json(&file.name, &raw).map_err(invalid)?;
        if adj.cases.is_empty() {
            return Err(invalid(format!(
                "{}: the review file has no documents to adjudicate.",
                file.name
            )));
        }
        self.begin(adj, false, ctx, up)
    }

    /// Make the gold documents of an adjudication and show its first open disagreement.
    fn begin(
        &mut self,
        adj: Adjudication,
        from_team: bool,
        ctx: &Ctx,
        up: &mut Update,
    ) -> Result<(), CoreError> {
        // Every team label becomes a label of the page, so gold spans can be edited and exported.
        let mut schema_changed = false;
        for label in &adj.labels {
            if self.schema.position(label).is_none() {
                self.schema.add_label(label, None)?;
                schema_changed = true;
            }
        }
        let mut ids = Vec::with_capacity(adj.cases.len());
        let mut differ = 0;
        for (c, gold) in adj.gold_documents().into_iter().enumerate() {
            differ += gold.links_differ;
            let mut doc = gold.document;
            doc.set_provenance(gold.provenance);
            doc.id = format!("{}g{c}", ctx.new_id());
            doc.title = format!("{} (gold)", doc.title);
            doc.created = ctx.now;
            touch(&mut doc, ctx);
            self.histories.insert(doc.id.clone(), History::new());
            ids.push(doc.id.clone());
            self.documents.push(doc);
        }
        self.review.position = adj.next_open(None);
        self.review.adjudication = Some(adj);
        self.review.from_team = from_team;
        self.review.gold = ids.clone();
        up.change.documents.extend(ids.iter().cloned());
        up.change.order = true;
        up.change.schema |= schema_changed;
        let links = match differ {
            0 => String::new(),
            n => format!(
                " {n} event{s}, event argument{s} or relation{s} only some annotators made {are} not in them: add {them} in the gold document with e and r.",
                s = if n == 1 { "" } else { "s" },
                are = if n == 1 { "is" } else { "are" },
                them = if n == 1 { "it" } else { "them" },
            ),
        };
        up.say(
            format!(
                "{} gold document{} added to the list.{links}",
                ids.len(),
                if ids.len() == 1 { "" } else { "s" }
            ),
            false,
        );
        up.save(Save {
            documents: ids,
            order: true,
            schema: schema_changed,
            ..Save::default()
        });
        self.save_review(up);
        Ok(())
    }

    /// The shown disagreement: its position, case and item.
    fn shown(&self) -> Result<(usize, usize, usize), CoreError> {
        let adj = self
            .review
            .adjudication
            .as_ref()
            .ok_or_else(no_adjudication)?;
        let pos = self
            .review
            .position
            .ok_or_else(|| invalid("No disagreement is shown; press n for the next one."))?;
        let (c, i) = adj.at(pos).ok_or_else(no_adjudication)?;
        Ok((pos, c, i))
    }

    fn choose(&mut self, choice: Choice, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let (pos, c, i) = self.shown()?;
        self.gold_document(c)?;
        let adj = self
            .review
            .adjudication
            .as_mut()
            .ok_or_else(no_adjudication)?;
        adj.decide(pos, choice, ctx.now).map_err(invalid)?;
        let next = adj.next_open(Some(pos)).or(Some(pos));
        self.sync_gold(c, i, false, ctx, up);
        self.review.undo_kinds.push(false);
        self.review.position = next;
        self.save_review(up);
        Ok(())
    }

    fn undo_choice(&mut self, ctx: &Ctx, up: &mut Update) -> Result<(), CoreError> {
        let adj = self
            .review
            .adjudication
            .as_mut()
            .ok_or_else(no_adjudication)?;
        let pos = adj.undo().map_err(invalid)?;
        let Some(change) = adj.redo.last() else {
            return Ok(());
        };
        let (c, i) = (change.case, change.item);
        self.sync_gold(c, i, true, ctx, up);
        if pos.is_some() {
            self.review.position = pos;
        }
        self.save_review(up);
        Ok(())
    }

    /// `e`: the gold document opens with the disagreement's stretch selected.
    fn edit_in_document(&mut self, up: &mut Update) -> Result<(), CoreError> {
        let (_, c, i) = self.shown()?;
        let id = self.gold_document(c)?;
        let item = self
            .review
            .adjudication
            .as_ref()
            .map(|a| (a.cases[c].items[i].start, a.cases[c].items[i].end));
        self.review.open = false;
        self.open(Some(id), up);
        self.selection.selected = None;
        self.selection.pending = item;
        up.change.selection = true;
        up.effect(Effect::ShowPending);
        Ok(())
    }

    fn gold_document(&self, c: usize) -> Result<String, CoreError> {
        let id = self.review.gold_of(c).unwrap_or_default();
        if self.document(id).is_none() {
            return Err(invalid(
                "The gold document of this disagreement was deleted; finish the review and start again.",
            ));
        }
        Ok(id.to_string())
    }

    /// Make item `i` of gold document `c` hold what the adjudication says: one undo step
    /// (or, for an undone choice, the gold document's own last step taken back).
    fn sync_gold(&mut self, c: usize, i: usize, undoing: bool, ctx: &Ctx, up: &mut Update) {
        let Some(adj) = self.review.adjudication.as_ref() else {
            return;
        };
        let (start, end) = (adj.cases[c].items[i].start, adj.cases[c].items[i].end);
        let agreed = adj.cases[c].links.links.clone();
        let Some(gold) = adj.gold(c) else {
            return;
        };
        // done once nothing in it is undecided, open again when a choice is undone
        let status = gold.document.status;
        let provenance = gold.provenance;
        let want: Vec<Span> = provenance
            .iter()
            .filter(|p| p.span.start >= start && p.span.end <= end)
            .map(|p| Span::manual(p.span.start, p.span.end, p.span.label.clone()))
            .collect();
        let Some(id) = self.review.gold_of(c).map(String::from) else {
            return;
        };
        let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) else {
            return;
        };
        doc.set_provenance(provenance);
        let status_changed = doc.status != status;
        doc.status = status;
        let old = doc.spans().to_vec();
        let mut new: Vec<Span> = old
            .iter()
            .filter(|s| s.end <= start || s.start >= end)
            .cloned()
            .chain(want)
            .collect();
        new.sort_by_key(|s| (s.start, s.end));
        let mut step = Step::between(&old, &new);
        // agreed event arguments and relations follow their spans in and out
        let links = gold_links(&agreed, doc.links(), &new, start..end);
        if links != *doc.links() {
            step.links = Some(Box::new(LinksChange {
                before: doc.links().clone(),
                after: links,
            }));
        }
        if step.is_noop() {
            if status_changed {
                touch(doc, ctx);
                up.change.documents.push(id.clone());
                up.save(Save {
                    documents: vec![id],
                    ..Save::default()
                });
            }
            return;
        }
        let history = self.histories.entry(id.clone()).or_default();
        let takes_back = |top: &Step| {
            let mut back = old.clone();
            top.undo(&mut back);
            top.is_applied_to(doc) && back == new
        };
        if undoing && history.last_undo().is_some_and(takes_back) {
            let _ = history.undo(doc);
        } else {
            doc.step_spans(&step, true);
            history.record(step);
        }
        touch(doc, ctx);
        up.change.documents.push(id.clone());
        up.change.history = true;
        up.save(Save {
            documents: vec![id],
            ..Save::default()
        });
    }

    /// After an edit of a gold document in the annotation view: each disagreement whose
    /// spans now differ from the decision becomes an edit (provenance “edited”).
    pub(super) fn note_gold_edit(&mut self, id: &str, ctx: &Ctx, up: &mut Update) {
        let Some(c) = self.review.case_of(id) else {
            return;
        };
        let Some(doc) = self.documents.iter().find(|d| d.id == id) else {
            return;
        };
        let Some(adj) = self.review.adjudication.as_mut() else {
            return;
        };
        let Some(gold) = adj.gold(c) else {
            return;
        };
        let mut changed = false;
        for pos in adj.positions_in(c) {
            let Some((_, i)) = adj.at(pos) else { continue };
            let item = &adj.cases[c].items[i];
            let inside = |s: &crate::review::ReviewSpan| s.start < item.end && item.start < s.end;
            let has: Vec<_> = doc
                .spans()
                .iter()
                .filter(|s| s.is_accepted())
                .map(crate::review::ReviewSpan::of)
                .filter(inside)
                .collect();
            let decided: Vec<_> = gold
                .provenance
                .iter()
                .map(|p| p.span.clone())
                .filter(inside)
                .collect();
            if has != decided {
                changed |= adj
                    .decide(pos, Choice::Edit { spans: has }, ctx.now)
                    .is_ok();
            }
        }
        if changed {
            let provenance = adj.gold(c).map(|g| g.provenance).unwrap_or_default();
            if let Some(doc) = self.documents.iter_mut().find(|d| d.id == id) {
                doc.set_provenance(provenance);
            }
            up.change.review = true;
            self.save_review(up);
        }
    }

    /// Ask for the review blob to be saved; the page serializes it when it writes.
    fn save_review(&self, up: &mut Update) {
        if !up.effects.contains(&Effect::SaveReview) {
            up.effect(Effect::SaveReview);
        }
    }

    /// Ask for the team blob to be saved; the page serializes it when it writes.
    fn save_team(&self, up: &mut Update) {
        if self.review.team.is_some() && !up.effects.contains(&Effect::SaveReviewTeam) {
            up.effect(Effect::SaveReviewTeam);
        }
    }
}

fn no_team() -> CoreError {
    invalid("Load two or more annotators' files first.")
}

fn no_adjudication() -> CoreError {
    invalid("Start the adjudication first.")
}
