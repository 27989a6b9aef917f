use super::*;
use crate::file;

fn read_some(h: HANDLE, n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    let got = file::read(h, &mut buf).unwrap();
    buf.truncate(got);
    buf
}

fn unique(tag: &str) -> String {
    format!("\\\\.\\pipe\\wine-rs-test-{tag}-{}", crate::sync::current_pid())
}

#[test]
fn anonymous_pipe_peek_and_broken_pipe() {
    let (r, w) = create_anonymous(0, false).unwrap();
    assert_eq!(peek(r, &mut []).unwrap(), Peek::default());
    file::write(w, b"hello").unwrap();
    let mut buf = [0u8; 3];
    assert_eq!(peek(r, &mut buf).unwrap(), Peek { read: 3, available: 5, left_in_message: 0 });
    assert_eq!(&buf, b"hel");
    assert_eq!(read_some(r, 16), b"hello", "peeking consumed nothing");
    handles::close(w).unwrap();
    assert_eq!(peek(r, &mut buf), Err(ERROR_BROKEN_PIPE));
    assert_eq!(file::file_type(r), Ok(windows_sys::Win32::Storage::FileSystem::FILE_TYPE_PIPE));
    handles::close(r).unwrap();
}

#[test]
fn names() {
    assert_eq!(pipe_name("\\\\.\\pipe\\abc"), Some("abc"));
    assert_eq!(pipe_name("\\\\.\\PIPE\\a\\b"), Some("a\\b"));
    assert_eq!(pipe_name("\\\\.\\pipe\\"), None);
    assert_eq!(pipe_name("C:\\pipe\\x"), None);
    assert_eq!(pipe_dir("Abc"), pipe_dir("aBC"), "case-insensitive");
    assert!(pipe_dir("a/b\\c").ends_with("a%2fb%5cc"));
    assert!(pipe_dir(&"x".repeat(200)).file_name().unwrap().to_str().unwrap().starts_with('#'));
}

#[test]
fn byte_pipe_connect_transfer_disconnect() {
    let name = unique("byte");
    assert_eq!(open_client(&name, false), Err(ERROR_FILE_NOT_FOUND));
    assert_eq!(wait(&name, 0), Err(ERROR_FILE_NOT_FOUND));
    let opt = PipeOptions { max_instances: 1, ..Default::default() };
    let s = create_server(&name, opt, false).unwrap();
    assert_eq!(create_server(&name, opt, false), Err(ERROR_PIPE_BUSY), "max instances");
    assert_eq!(
        create_server(&name, PipeOptions { first_instance: true, max_instances: 1, ..opt }, false),
        Err(ERROR_PIPE_BUSY),
        "the instance limit is checked first"
    );
    assert_eq!(
        create_server(&name, PipeOptions { first_instance: true, max_instances: 255, ..opt }, false),
        Err(ERROR_ACCESS_DENIED)
    );
    assert_eq!(wait(&name, 1000), Ok(()));
    // The client connects before ConnectNamedPipe.
    let c = open_client(&name.to_uppercase().replace("\\\\.\\PIPE\\", "\\\\.\\pipe\\"), false).unwrap();
    assert!(wait_connected(s, Some(Duration::from_secs(5))).unwrap());
    assert_eq!(connect(s), Err(ERROR_PIPE_CONNECTED));
    assert_eq!(open_client(&name, false), Err(ERROR_PIPE_BUSY));
    assert_eq!(wait(&name, 20), Err(ERROR_SEM_TIMEOUT));
    file::write(c, b"ping").unwrap();
    assert_eq!(read_some(s, 16), b"ping");
    file::write(s, b"pong!").unwrap();
    let mut buf = [0u8; 2];
    assert_eq!(peek(c, &mut buf).unwrap(), Peek { read: 2, available: 5, left_in_message: 0 });
    assert_eq!(read_some(c, 16), b"pong!");
    assert_eq!(peer_pid(c), Ok(crate::sync::current_pid()));
    // Disconnect: the client sees the end; the instance listens again.
    assert_eq!(disconnect(s), Ok(()));
    assert_eq!(read_some(c, 16), b"");
    handles::close(c).unwrap();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        let c = open_client(&name, false).unwrap();
        file::write(c, b"again").unwrap();
        handles::close(c).unwrap();
    });
    assert_eq!(connect(s), Ok(()));
    t.join().unwrap();
    assert_eq!(read_some(s, 16), b"again");
    assert_eq!(file::read(s, &mut buf), Ok(0), "the client closed");
    assert_eq!(connect(s), Err(ERROR_NO_DATA));
    let path = socket_path_of(s).unwrap();
    handles::close(s).unwrap();
    assert!(!path.exists(), "the socket file goes with the instance");
}

#[test]
fn message_pipe_keeps_boundaries() {
    let name = unique("msg");
    let opt = PipeOptions { message: true, read_message: true, max_instances: 255, ..Default::default() };
    let s = create_server(&name, opt, false).unwrap();
    let s2 = create_server(&name, opt, false).unwrap();
    let c = open_client(&name, false).unwrap();
    let c2 = open_client(&name, false).unwrap();
    assert_eq!(info(s).unwrap().0, 1 | 4);
    assert_eq!(info(c).unwrap().0, 4);
    file::write(c, b"one").unwrap();
    file::write(c, b"three").unwrap();
    let server_of_c =
        if wait_connected(s, Some(Duration::from_millis(10))).unwrap() && peek(s, &mut []).unwrap().available > 0 {
            s
        } else {
            s2
        };
    let mut buf = [0u8; 2];
    let p = peek(server_of_c, &mut buf).unwrap();
    assert_eq!((p.read, p.left_in_message), (2, 1));
    assert_eq!(read_some(server_of_c, 64), b"one");
    assert_eq!(read_some(server_of_c, 64), b"three");
    assert_eq!(set_mode(c, 2), Ok(()));
    let byte = create_server(&unique("byte2"), PipeOptions { max_instances: 1, ..Default::default() }, false).unwrap();
    assert_eq!(set_mode(byte, 2), Err(ERROR_INVALID_PARAMETER));
    for h in [s, s2, c, c2, byte] {
        handles::close(h).unwrap();
    }
}
