//! Builds the browser bundle without any tool outside the package registries:
//! compiles the `frontend` crate to wasm, runs wasm-bindgen (as a library, pinned to
//! the same version as the `wasm-bindgen` crate), optionally shrinks it with a
//! `wasm-opt` found on PATH or in `node_modules/.bin` (npm's `binaryen`), and copies
//! the CSS. Output: `target/site/pkg/rounds.js`, `rounds_bg.wasm`, `rounds.css`, and
//! the same three under content-hashed names (`rounds.<hash>.js`,
//! `rounds.<hash>_bg.wasm`, `rounds.<hash>.css`), each also pre-compressed (`.br`,
//! `.gz`), with the hash in `pkg/hash.txt`: the server links the hashed names and
//! serves them as immutable (see `server/src/assets.rs`).
//!
//! Usage: `cargo run -p bundle -- [--release] [--site DIR]`

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

fn main() -> anyhow::Result<()> {
    let mut release = false;
    let mut site: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--release" => release = true,
            "--site" => site = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("cargo run -p bundle -- [--release] [--site DIR]");
                return Ok(());
            }
            other => bail!("unknown argument {other}"),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let site = site.unwrap_or_else(|| target.join("site"));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg)?;

    // The release wasm uses the same `release` profile as the server so that both
    // builds share their compiled proc macros and build scripts; wasm-opt -Oz then
    // does the size work.
    let (profile, dir) = if release {
        ("release", "release")
    } else {
        ("dev", "debug")
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    println!("bundle: compiling frontend to wasm ({profile})");
    let mut build = Command::new(&cargo);
    build.current_dir(&root).args([
        "build",
        "-p",
        "frontend",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]);
    let status = build.status().context("running cargo")?;
    if !status.success() {
        bail!("cargo build of the frontend failed");
    }
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join(dir)
        .join("frontend.wasm");

    println!("bundle: wasm-bindgen");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        .web(true)?
        .out_name("rounds")
        .typescript(false)
        .debug(!release)
        .generate(&pkg)
        .context("wasm-bindgen")?;

    let out_wasm = pkg.join("rounds_bg.wasm");
    if release {
        match find_wasm_opt(&root) {
            Some(opt) => {
                println!("bundle: {} -Oz", opt.display());
                let tmp = pkg.join("rounds_bg.opt.wasm");
                let status = Command::new(&opt)
                    .arg("-Oz")
                    .arg("--enable-bulk-memory")
                    .arg("--enable-nontrapping-float-to-int")
                    .arg("--enable-sign-ext")
                    .arg("--enable-mutable-globals")
                    .arg(&out_wasm)
                    .arg("-o")
                    .arg(&tmp)
                    .status();
                match status {
                    Ok(s) if s.success() => std::fs::rename(&tmp, &out_wasm)?,
                    _ => println!("bundle: wasm-opt failed; keeping the unoptimised wasm"),
                }
            }
            None => {
                println!("bundle: no wasm-opt found (npm i binaryen@132 provides one); skipping")
            }
        }
    }

    let mut css = String::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("style"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "css"))
        .collect();
    files.sort();
    for f in files {
        css.push_str(&std::fs::read_to_string(&f)?);
        css.push('\n');
    }
    std::fs::write(pkg.join("rounds.css"), css)?;
    let size = std::fs::metadata(&out_wasm)?.len();
    let hash = write_hashed(&pkg)?;
    println!(
        "bundle: wrote {} ({size} bytes of wasm, hash {hash})",
        pkg.display()
    );
    Ok(())
}

/// The three files under names that change with their content, pre-compressed.
const HASHED: [(&str, &str); 3] = [
    ("rounds.js", ".js"),
    ("rounds_bg.wasm", "_bg.wasm"),
    ("rounds.css", ".css"),
];

/// Writes the hashed copies and their `.br` / `.gz` forms, removes those of earlier
/// builds, and records the hash in `hash.txt` (last, so a server never reads a hash
/// whose files are not all there). Returns the hash.
fn write_hashed(pkg: &Path) -> anyhow::Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Write;
    let mut digest = Sha256::new();
    let mut contents = Vec::new();
    for (name, _) in HASHED {
        let bytes = std::fs::read(pkg.join(name)).with_context(|| format!("reading {name}"))?;
        digest.update(&bytes);
        contents.push(bytes);
    }
    let hash: String = digest.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for entry in std::fs::read_dir(pkg)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let stale =
            name.starts_with("rounds.") && name.split('.').count() > 2 && !name.contains(&hash);
        if stale {
            std::fs::remove_file(&path)?;
        }
    }
    for ((_, suffix), bytes) in HASHED.iter().zip(&contents) {
        let name = format!("rounds.{hash}{suffix}");
        std::fs::write(pkg.join(&name), bytes)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes)?;
        std::fs::write(pkg.join(format!("{name}.gz")), gz.finish()?)?;
        let mut br = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 64 * 1024, 11, 22);
            w.write_all(bytes)?;
        }
        std::fs::write(pkg.join(format!("{name}.br")), &br)?;
        println!(
            "bundle: {name}: {} bytes, {} with brotli",
            bytes.len(),
            br.len()
        );
    }
    std::fs::write(pkg.join("hash.txt"), &hash)?;
    Ok(hash)
}

/// A working wasm-opt: npm's binaryen (never Debian's old one, which breaks hydration).
fn find_wasm_opt(root: &Path) -> Option<PathBuf> {
    let local = root.join("node_modules/.bin/wasm-opt");
    if local.exists() {
        return Some(local);
    }
    std::env::var_os("ROUNDS_WASM_OPT").map(PathBuf::from)
}
