//! Export and import formats, one module per format.
