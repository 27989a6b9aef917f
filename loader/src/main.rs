//! `wine-rs`: run a Windows x86-64 program.

const USAGE: &str = "\
Usage: wine-rs [OPTIONS] PROGRAM.exe [ARGS...]
       wine-rs check [--json] [--summary] PROGRAM.exe [DLL...]

Runs a Windows x86-64 program on Linux. `wine-rs check` runs nothing: it lists which of the
program's imports wine-rs implements (`wine-rs check --help`).

Options:
  -h, --help       show this help and exit
  -V, --version    show the version and exit
  --trace-file FILE
                   write the relay trace as JSON lines to FILE (turns relay on; filters apply)
  --               end of options: the next argument is the program

Environment:
  WINEDEBUG        debug channels, Wine syntax (e.g. +relay, -all, warn+file, +timestamp)
  WINE_RS_RELAY_INCLUDE, WINE_RS_RELAY_EXCLUDE
                   relay filters: `;`-separated DLL.Function, DLL.*, DLL.Prefix*, Function
";

fn main() {
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    // `wine-rs check ...` (a program named "check" runs as `wine-rs ./check` or `wine-rs -- check`)
    if args.first().is_some_and(|a| a == "check") {
        std::process::exit(loader::check::main(&args[1..]));
    }
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return;
            }
            "-V" | "--version" => {
                println!("wine-rs {}", env!("CARGO_PKG_VERSION"));
                return;
            }
            "--" => {
                i += 1;
                break;
            }
            "--trace-file" if i + 1 < args.len() => {
                if let Err(e) = dllcore::relay::set_trace_file(std::path::Path::new(&args[i + 1])) {
                    eprintln!("wine-rs: --trace-file {}: {e}", args[i + 1]);
                    std::process::exit(2);
                }
                i += 2;
            }
            a if a.starts_with('-') && a.len() > 1 => {
                eprintln!("wine-rs: unknown option '{a}'\n\n{USAGE}");
                std::process::exit(2);
            }
            _ => break,
        }
    }
    let Some(program) = args.get(i) else {
        eprintln!("wine-rs: no program given\n\n{USAGE}");
        std::process::exit(2);
    };
    let Some(path) = loader::launch::find_program(program) else {
        eprintln!("wine-rs: {program}: file not found");
        std::process::exit(loader::launch::EXIT_LOAD_FAILED);
    };
    loader::launch::run(&path, &args[i + 1..]);
}
