//! `#[export]`: the one way a builtin DLL declares an export.
//!
//! Written on an `extern "win64" fn` (or a `static`), it
//! - registers the item in its crate's `EXPORTS` distributed slice (so the declaration alone puts
//!   it in the DLL's export table),
//! - records the call in the thread's flight recorder (`dllcore::flight`, for crash reports)
//!   and wraps the body in the relay trace (`WINEDEBUG=+relay`): three stores and one atomic
//!   load when relay is off (the `no-relay-hook` feature compiles both out, for measuring),
//! - catches Rust panics at the boundary so they never unwind into PE code,
//! - for `#[export(variadic)]`, generates the naked thunk that turns the Windows x64 variadic
//!   call into a `VaList` (the last parameter of the declared function).
//!
//! Options: `name = "ExportName"` (default: the Rust name), `only = MASK` (an expression naming
//! which of the crate's DLLs export it, for crates serving a family; default 0 = all),
//! `variadic`, `data` (implied for statics), `ordinal = N` (also reachable by that ordinal).

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, FnArg, Ident, Item, ItemFn, ItemStatic, LitStr, Pat, ReturnType, Token, Type};

#[derive(Default)]
struct Opts {
    name: Option<String>,
    only: Option<Expr>,
    variadic: bool,
    ordinal: Option<u16>,
}

enum Opt {
    Name(LitStr),
    Only(Expr),
    Variadic,
    Data,
    Ordinal(u16),
}

impl Parse for Opt {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key: Ident = input.parse()?;
        match key.to_string().as_str() {
            "name" => {
                input.parse::<Token![=]>()?;
                Ok(Opt::Name(input.parse()?))
            }
            "only" => {
                input.parse::<Token![=]>()?;
                Ok(Opt::Only(input.parse()?))
            }
            "ordinal" => {
                input.parse::<Token![=]>()?;
                let lit: syn::LitInt = input.parse()?;
                Ok(Opt::Ordinal(lit.base10_parse()?))
            }
            "variadic" => Ok(Opt::Variadic),
            "data" => Ok(Opt::Data),
            other => Err(syn::Error::new(key.span(), format!("unknown export option `{other}`"))),
        }
    }
}

fn parse_opts(attr: TokenStream) -> syn::Result<Opts> {
    let list = syn::parse::Parser::parse(Punctuated::<Opt, Token![,]>::parse_terminated, attr)?;
    let mut o = Opts::default();
    for opt in list {
        match opt {
            Opt::Name(s) => o.name = Some(s.value()),
            Opt::Only(e) => o.only = Some(e),
            Opt::Variadic => o.variadic = true,
            Opt::Data => {}
            Opt::Ordinal(n) if n == 0 => {
                return Err(syn::Error::new(Span::call_site(), "ordinals start at 1"));
            }
            Opt::Ordinal(n) => o.ordinal = Some(n),
        }
    }
    Ok(o)
}

#[proc_macro_attribute]
pub fn export(attr: TokenStream, item: TokenStream) -> TokenStream {
    let opts = match parse_opts(attr) {
        Ok(o) => o,
        Err(e) => return e.to_compile_error().into(),
    };
    let result = match syn::parse::<Item>(item) {
        Ok(Item::Fn(f)) => export_fn(opts, f),
        Ok(Item::Static(s)) => export_static(opts, s),
        Ok(other) => Err(syn::Error::new_spanned(other, "#[export] goes on a fn or a static")),
        Err(e) => Err(e),
    };
    match result {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// `.with_ordinal(N)` when the export has a fixed ordinal.
fn ordinal_suffix(opts: &Opts) -> TokenStream2 {
    match opts.ordinal {
        Some(n) => quote!(.with_ordinal(#n)),
        None => quote!(),
    }
}

fn mask_expr(opts: &Opts) -> TokenStream2 {
    match &opts.only {
        Some(e) => quote!((#e) as u32),
        None => quote!(0u32),
    }
}

fn export_static(opts: Opts, s: ItemStatic) -> syn::Result<TokenStream2> {
    let ident = &s.ident;
    let name = opts.name.clone().unwrap_or_else(|| ident.to_string());
    let mask = mask_expr(&opts);
    let ord = ordinal_suffix(&opts);
    let reg = format_ident!("__EXPORT_DATA_{}", ident);
    Ok(quote! {
        #s
        #[::dllcore::linkme::distributed_slice(crate::EXPORTS)]
        #[linkme(crate = ::dllcore::linkme)]
        #[allow(non_upper_case_globals)]
        static #reg: ::dllcore::Export =
            ::dllcore::Export::data(#name, &raw const #ident as *const (), #mask)#ord;
    })
}

/// The `dllcore::relay::flags` table that decodes a parameter, chosen from its type as
/// written (the windows-sys alias) and, for plain `u32`s, its name.
fn flag_table(ty: &str, param: &str) -> Option<&'static str> {
    Some(match ty {
        "STD_HANDLE" => "STD_HANDLE",
        "PAGE_PROTECTION_FLAGS" => "PAGE_PROTECTION",
        "VIRTUAL_ALLOCATION_TYPE" => "MEM_ALLOCATION",
        "VIRTUAL_FREE_TYPE" => "MEM_FREE",
        "HEAP_FLAGS" => "HEAP",
        "GLOBAL_ALLOC_FLAGS" | "LOCAL_ALLOC_FLAGS" => "GLOBAL_ALLOC",
        "FILE_SHARE_MODE" => "FILE_SHARE",
        "FILE_CREATION_DISPOSITION" => "CREATION_DISPOSITION",
        "FILE_FLAGS_AND_ATTRIBUTES" => "FILE_FLAGS_AND_ATTRIBUTES",
        "FILE_ACCESS_RIGHTS" | "GENERIC_ACCESS_RIGHTS" => "ACCESS",
        "MOVE_FILE_FLAGS" => "MOVE_FILE",
        "LOAD_LIBRARY_FLAGS" => "LOAD_LIBRARY",
        "THREAD_CREATION_FLAGS" => "THREAD_CREATION",
        // windows-sys types CreateFile's access as a plain u32: go by the name.
        "u32" | "DWORD" => match param.to_ascii_lowercase().replace('_', "").as_str() {
            "dwdesiredaccess" | "desiredaccess" | "access" => "ACCESS",
            _ => return None,
        },
        _ => return None,
    })
}

/// How the relay trace shows an argument, chosen from the type as written. `ident` is bound
/// to a reference to the argument.
fn relay_arg(ident: &Ident, ty: &Type) -> TokenStream2 {
    let text = quote!(#ty).to_string().replace(' ', "");
    if let Some(table) = flag_table(&text, &ident.to_string()) {
        let table = Ident::new(table, Span::call_site());
        return quote!(::dllcore::relay::Flags(&::dllcore::relay::flags::#table, (*#ident) as u64));
    }
    match text.as_str() {
        // Only const pointers are input strings: mutable ones are often output buffers.
        "PCWSTR" | "LPCWSTR" | "*constu16" => {
            quote!(::dllcore::relay::WStr((*#ident) as *const u16))
        }
        "PCSTR" | "LPCSTR" | "*consti8" | "*constu8" => {
            quote!(::dllcore::relay::CStr((*#ident) as *const u8))
        }
        "HANDLE" => quote!(::dllcore::relay::Handle((*#ident) as usize)),
        _ => quote!(#ident),
    }
}

fn export_fn(opts: Opts, f: ItemFn) -> syn::Result<TokenStream2> {
    let sig = &f.sig;
    match &sig.abi {
        Some(abi) if abi.name.as_ref().map(|n| n.value()) == Some("win64".into()) => {}
        _ => return Err(syn::Error::new_spanned(sig, "exports must be `extern \"win64\" fn`")),
    }
    let ident = &sig.ident;
    let export_name = opts.name.clone().unwrap_or_else(|| ident.to_string());
    let mask = mask_expr(&opts);
    let ord = ordinal_suffix(&opts);
    let vis = &f.vis;
    let attrs = &f.attrs;
    let block = &f.block;
    let unsafety = &sig.unsafety;
    let output = &sig.output;

    let mut arg_idents = Vec::new();
    let mut arg_types = Vec::new();
    let mut inner_params = Vec::new();
    for input in &sig.inputs {
        match input {
            FnArg::Typed(pt) => match &*pt.pat {
                Pat::Ident(pi) => {
                    arg_idents.push(pi.ident.clone());
                    arg_types.push((*pt.ty).clone());
                    let (pat, ty) = (&pt.pat, &pt.ty);
                    inner_params.push(quote!(#pat: #ty));
                }
                _ => return Err(syn::Error::new_spanned(pt, "export parameters must be plain names")),
            },
            FnArg::Receiver(r) => return Err(syn::Error::new_spanned(r, "no self in exports")),
        }
    }
    let params: Vec<TokenStream2> =
        arg_idents.iter().zip(&arg_types).map(|(i, t)| quote!(#i: #t)).collect();
    let relay_args: Vec<TokenStream2> =
        arg_idents.iter().zip(&arg_types).map(|(i, t)| relay_arg(i, t)).collect();
    let diverges = matches!(output, ReturnType::Type(_, t) if matches!(**t, Type::Never(_)));
    let ret_ty: TokenStream2 = match output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, t) => quote!(#t),
    };

    let inner = Ident::new("__export_body", Span::call_site());
    let body_fn = quote! {
        #[inline(always)]
        #[allow(unused_unsafe, unsafe_op_in_unsafe_fn, non_snake_case, clippy::missing_safety_doc)]
        #unsafety fn #inner(#(#inner_params),*) #output #block
    };
    let call = quote!(unsafe { #inner(#(#arg_idents),*) });
    let guarded = quote!(::dllcore::guard::no_unwind(crate::DLL_NAME, #export_name, move || #call));
    // The hook: the flight recorder (three stores) and the relay check (one atomic load and a
    // predicted branch). The relay work lives in two cold nested `extern "win64"` functions:
    // calling a win64 function, unlike a Rust (SysV) one, does not make this function save
    // XMM6-15, so an export whose body calls nothing stays a leaf. The `no-relay-hook`
    // feature leaves only the panic guard, to measure what the hook costs.
    let wrapper_body = if cfg!(feature = "no-relay-hook") {
        let body = if diverges { call.clone() } else { guarded.clone() };
        quote! {
            #body_fn
            #body
        }
    } else {
        // The arguments go to the relay function by value (in registers, so the fast path
        // needs no stack slot for them) as bitwise copies that are never dropped: the relay
        // code only reads them, and the body gets the originals.
        let md_params: Vec<TokenStream2> = arg_idents
            .iter()
            .zip(&arg_types)
            .map(|(i, t)| quote!(#i: ::core::mem::ManuallyDrop<#t>))
            .collect();
        let as_refs: Vec<TokenStream2> = arg_idents
            .iter()
            .zip(&arg_types)
            .map(|(i, t)| quote!(let #i: &#t = &*#i;))
            .collect();
        let copies: Vec<TokenStream2> = arg_idents
            .iter()
            .map(|i| quote!(::core::mem::ManuallyDrop::new(unsafe { ::core::ptr::read(&#i) })))
            .collect();
        let hooks = quote! {
            static __SITE: ::dllcore::relay::Site = ::dllcore::relay::Site::new(crate::DLL_NAME, #export_name);
            /// Relay on: is this export traced? If so, log the call.
            #[cold]
            #[inline(never)]
            #[allow(non_snake_case, clippy::too_many_arguments)]
            extern "win64" fn __relay_call(#(#md_params),*) -> bool {
                #(#as_refs)*
                if !__SITE.traced() {
                    return false;
                }
                ::dllcore::relay::log_call(&__SITE, &[#(&#relay_args as &dyn ::dllcore::relay::RelayArg),*]);
                true
            }
            ::dllcore::flight::record(&__SITE);
            let __traced = ::dllcore::relay::opaque(
                ::dllcore::relay::enabled() && __relay_call(#(#copies),*),
            );
        };
        if diverges {
            quote! {
                #body_fn
                #hooks
                let _ = __traced;
                #call
            }
        } else {
            quote! {
                #body_fn
                #hooks
                /// Relay on and traced: log the return.
                #[cold]
                #[inline(never)]
                extern "win64" fn __relay_ret(r: &#ret_ty) {
                    ::dllcore::relay::log_ret(&__SITE, r);
                }
                let __r: #ret_ty = #guarded;
                if __traced {
                    __relay_ret(&__r);
                }
                __r
            }
        }
    };

    if !opts.variadic {
        let reg = format_ident!("__EXPORT_{}", ident);
        return Ok(quote! {
            #(#attrs)*
            #[allow(non_snake_case, clippy::missing_safety_doc)]
            #vis #unsafety extern "win64" fn #ident(#(#params),*) #output {
                #wrapper_body
            }
            #[::dllcore::linkme::distributed_slice(crate::EXPORTS)]
            #[linkme(crate = ::dllcore::linkme)]
            #[allow(non_upper_case_globals)]
            static #reg: ::dllcore::Export =
                ::dllcore::Export::func(#export_name, #ident as *const (), #mask)#ord;
        });
    }

    // Variadic: `ident` becomes the naked thunk; the declared body lives in `__va_<ident>`,
    // whose last parameter is the VaList the thunk builds.
    let nfixed = arg_idents.len().checked_sub(1).ok_or_else(|| {
        syn::Error::new_spanned(sig, "a variadic export's last parameter is its VaList")
    })?;
    if nfixed > 4 {
        return Err(syn::Error::new_spanned(sig, "variadic exports support at most 4 fixed parameters"));
    }
    let imp = format_ident!("__va_{}", ident);
    let reg = format_ident!("__EXPORT_{}", ident);
    let home = "mov [rsp+8], rcx\nmov [rsp+16], rdx\nmov [rsp+24], r8\nmov [rsp+32], r9";
    let off = 8 + 8 * nfixed;
    let asm = match nfixed {
        0 => format!("{home}\nlea rcx, [rsp+{off}]\nsub rsp, 40\ncall {{imp}}\nadd rsp, 40\nret"),
        1 => format!("{home}\nlea rdx, [rsp+{off}]\nsub rsp, 40\ncall {{imp}}\nadd rsp, 40\nret"),
        2 => format!("{home}\nlea r8, [rsp+{off}]\nsub rsp, 40\ncall {{imp}}\nadd rsp, 40\nret"),
        3 => format!("{home}\nlea r9, [rsp+{off}]\nsub rsp, 40\ncall {{imp}}\nadd rsp, 40\nret"),
        _ => format!(
            "{home}\nlea rax, [rsp+{off}]\nsub rsp, 56\nmov [rsp+32], rax\ncall {{imp}}\nadd rsp, 56\nret"
        ),
    };
    Ok(quote! {
        #(#attrs)*
        #[allow(non_snake_case, clippy::missing_safety_doc)]
        #[doc(hidden)]
        #vis #unsafety extern "win64" fn #imp(#(#params),*) #output {
            #wrapper_body
        }
        /// Naked variadic entry: homes the register arguments and passes a pointer to the
        /// variable arguments (a Windows `va_list`).
        #[unsafe(naked)]
        #[allow(non_snake_case)]
        #vis unsafe extern "win64" fn #ident() {
            ::core::arch::naked_asm!(#asm, imp = sym #imp)
        }
        #[::dllcore::linkme::distributed_slice(crate::EXPORTS)]
        #[linkme(crate = ::dllcore::linkme)]
        #[allow(non_upper_case_globals)]
        static #reg: ::dllcore::Export =
            ::dllcore::Export::func(#export_name, #ident as *const (), #mask)#ord;
    })
}
