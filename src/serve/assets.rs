//! The stylesheet and icon, compiled into the binary: the server reads no file but the index,
//! so no parameter can reach the file system.

use axum::response::{IntoResponse, Response};

use super::state::{Failure, typed};

const STYLE: &str = include_str!("assets/style.css");
const ICON: &str = include_str!("assets/icon.svg");

/// `/assets/{name}`: one of the embedded files, by its exact name.
pub async fn asset(name: super::api::PathInput) -> Response {
    let name = super::api::path(name).unwrap_or_default();
    match name.as_str() {
        "style.css" => typed("text/css; charset=utf-8", STYLE),
        "icon.svg" => typed("image/svg+xml", ICON),
        _ => super::api::failure(Failure::NotFound(format!("no asset named '{name}'")))
            .into_response(),
    }
}
