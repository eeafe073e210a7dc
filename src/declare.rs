//! The one declaration of each dataset type. `record!` declares a struct once: each field with
//! its Rust type and its JSON key (written once), and `or default` for a field that may be
//! absent. From it follow the struct (serde names, `deny_unknown_fields`, the JSON Schema on
//! the host), its key list (`KEYS`), its binary decoding (`embedded::Decode`, fields in
//! declaration order as postcard writes them) and its reader from parsed JSON
//! (`json::FromJson`, for `data-src` in the browser and for the native tests). `values!`
//! declares a unit enum once with the JSON id of each variant. `build.rs` includes this file
//! (and `model.rs`), so the build step reads the same declaration.

macro_rules! record {
    ($(
        $(#[$m:meta])*
        pub struct $name:ident {
            $(
                $(#[$fm:meta])*
                pub $f:ident: $t:ty = $k:literal $(or $def:ident)?
            ),* $(,)?
        }
    )*) => {$(
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(::schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$fm])*
                #[serde(rename = $k)]
                $(#[serde($def)])?
                pub $f: $t,
            )*
        }

        impl $name {
            /// The JSON keys of this record, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$($k),*];
        }

        impl crate::embedded::Decode for $name {
            fn decode(r: &mut crate::embedded::Reader) -> Self {
                // A struct literal evaluates its fields in the order written: declaration order.
                $name { $($f: crate::embedded::Decode::decode(r)),* }
            }
        }

        impl crate::json::FromJson for $name {
            fn read<V: crate::json::JsonValue>(r: &mut crate::json::Reader, v: &V, at: String) -> Self {
                let o = r.object(v, at, Self::KEYS);
                $name { $($f: record!(@field r, o, $k $(, $def)?)),* }
            }
            fn empty() -> Self {
                $name { $($f: crate::json::FromJson::empty()),* }
            }
        }
    )*};
    (@field $r:ident, $o:ident, $k:literal) => {
        $r.field(&$o, $k)
    };
    (@field $r:ident, $o:ident, $k:literal, default) => {
        $r.field_or_default(&$o, $k)
    };
}

macro_rules! values {
    ($(
        $(#[$m:meta])*
        pub enum $name:ident {
            $(
                $(#[$vm:meta])*
                $v:ident = $id:literal
            ),* $(,)?
        }
    )*) => {$(
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(::schemars::JsonSchema))]
        pub enum $name {
            $(
                $(#[$vm])*
                #[serde(rename = $id)]
                $v,
            )*
        }

        impl $name {
            /// Every value, in declaration order (the binary's variant index).
            pub const ALL: [$name; [$($id),*].len()] = [$($name::$v),*];
            /// The JSON ids, in the same order.
            pub const IDS: &'static [&'static str] = &[$($id),*];
            /// The JSON id.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$v => $id,)*
                }
            }
            pub fn parse(s: &str) -> Option<$name> {
                $name::IDS.iter().position(|id| *id == s).map(|i| $name::ALL[i])
            }
        }

        impl crate::embedded::Decode for $name {
            fn decode(r: &mut crate::embedded::Reader) -> Self {
                $name::ALL[r.index($name::ALL.len())]
            }
        }

        impl crate::json::FromJson for $name {
            fn read<V: crate::json::JsonValue>(r: &mut crate::json::Reader, v: &V, at: String) -> Self {
                $name::ALL[r.choice(v, &at, $name::IDS)]
            }
            fn empty() -> Self {
                $name::ALL[0]
            }
        }
    )*};
}
