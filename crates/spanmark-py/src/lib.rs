//! The `spanmark._spanmark` extension module: Spanmark's core (detection, models, training,
//! formats) for Python, with Python `str` offsets and errors as Python exceptions.

mod detecting;
mod errors;
mod files;
mod incidents;
mod many;
mod model;
mod objects;
mod review;
mod text_arg;

use pyo3::prelude::*;

#[pymodule]
fn _spanmark(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<objects::Span>()?;
    m.add_class::<objects::Document>()?;
    m.add_class::<model::Model>()?;
    m.add_function(wrap_pyfunction!(detecting::detect, m)?)?;
    m.add_function(wrap_pyfunction!(many::detect_many, m)?)?;
    m.add_function(wrap_pyfunction!(detecting::detect_links, m)?)?;
    m.add_function(wrap_pyfunction!(detecting::count_spans, m)?)?;
    m.add_function(wrap_pyfunction!(files::train, m)?)?;
    m.add_function(wrap_pyfunction!(files::convert, m)?)?;
    m.add_function(wrap_pyfunction!(files::read, m)?)?;
    m.add_function(wrap_pyfunction!(review::agree, m)?)?;
    errors::register(m)?;
    Ok(())
}
