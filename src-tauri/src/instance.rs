//! One window per library. The process that holds a library's lock listens on a Unix
//! socket in the data folder; a second launch on the same library asks it to bring its
//! window to the front instead of opening a second window.
//!
//! Keyed by the library, not by the app (as tauri-plugin-single-instance is): two
//! libraries may be open at once, and a test's app never steals a user's window.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

const SOCKET: &str = "instance.sock";

fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

/// What a second launch asks of the window that has the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Come to the front.
    Focus,
    /// Come to the front and show the import view for this file (an absolute path).
    Open(PathBuf),
}

impl Request {
    fn line(&self) -> String {
        match self {
            Request::Focus => "focus\n".into(),
            Request::Open(path) => format!("open {}\n", path.display()),
        }
    }

    fn parse(line: &str) -> Option<Request> {
        let line = line.strip_suffix('\n').unwrap_or(line);
        if line == "focus" {
            Some(Request::Focus)
        } else {
            line.strip_prefix("open ")
                .filter(|p| !p.is_empty())
                .map(|p| Request::Open(PathBuf::from(p)))
        }
    }
}

/// Asks the process holding the library to show its window (and open a file). Answers
/// whether one did.
#[cfg(unix)]
pub fn ask_running(data_dir: &Path, request: &Request) -> bool {
    use std::os::unix::net::UnixStream;
    let Ok(mut stream) = UnixStream::connect(socket_path(data_dir)) else {
        return false;
    };
    if stream.write_all(request.line().as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
}

/// Listens for launches on the same library; `on_request` runs for each. Only called by
/// the lock holder, so a socket file left by a crashed process can be replaced.
#[cfg(unix)]
pub fn listen(
    data_dir: &Path,
    on_request: impl Fn(Request) + Send + 'static,
) -> std::io::Result<()> {
    use std::os::unix::net::UnixListener;
    let path = socket_path(data_dir);
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    std::thread::Builder::new()
        .name("instance-listener".into())
        .spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                if let Some(request) = Request::parse(&line) {
                    on_request(request);
                    let _ = stream.write_all(b"ok\n");
                }
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
pub fn ask_running(_data_dir: &Path, _request: &Request) -> bool {
    false
}

#[cfg(not(unix))]
pub fn listen(
    _data_dir: &Path,
    _on_request: impl Fn(Request) + Send + 'static,
) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_survive_the_socket_line() {
        for r in [
            Request::Focus,
            Request::Open(PathBuf::from("/home/anh/Tệp khách hàng/Fred.persona")),
        ] {
            assert_eq!(Request::parse(&r.line()), Some(r));
        }
        assert_eq!(Request::parse("open \n"), None);
        assert_eq!(Request::parse("reboot\n"), None);
    }
}
