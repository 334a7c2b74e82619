package fileapi

// The standard library's writers layered over another writer (bufio,
// compress/*, archive/*, encoders), what their methods do to buffered
// data, and what the methods of *os.File do to a file's data. Keyed like
// the file table, by exact package path, receiver and name.

// Writer describes a constructor of a writer layered over another writer.
type Writer struct {
	// Arg is the index of the argument the writer writes to.
	Arg int
	// Buffer: the writer keeps data until Finish is called.
	Buffer bool
	// Type names the writer in messages ("bufio.Writer").
	Type string
	// Finish is the method that puts buffered data into the layer below.
	Finish string
	// NoErr: Finish returns nothing (csv.Writer.Flush).
	NoErr bool
}

var writerCtors = map[Func]Writer{
	{"bufio", "", "NewWriter"}:              {Buffer: true, Type: "bufio.Writer", Finish: "Flush"},
	{"bufio", "", "NewWriterSize"}:          {Buffer: true, Type: "bufio.Writer", Finish: "Flush"},
	{"compress/gzip", "", "NewWriter"}:      {Buffer: true, Type: "gzip.Writer", Finish: "Close"},
	{"compress/gzip", "", "NewWriterLevel"}: {Buffer: true, Type: "gzip.Writer", Finish: "Close"},
	{"compress/zlib", "", "NewWriter"}:      {Buffer: true, Type: "zlib.Writer", Finish: "Close"},
	{"compress/zlib", "", "NewWriterLevel"}: {Buffer: true, Type: "zlib.Writer", Finish: "Close"},
	{"compress/flate", "", "NewWriter"}:     {Buffer: true, Type: "flate.Writer", Finish: "Close"},
	{"compress/lzw", "", "NewWriter"}:       {Buffer: true, Type: "lzw.Writer", Finish: "Close"},
	{"encoding/csv", "", "NewWriter"}:       {Buffer: true, Type: "csv.Writer", Finish: "Flush", NoErr: true},
	{"archive/tar", "", "NewWriter"}:        {Buffer: true, Type: "tar.Writer", Finish: "Close"},
	{"archive/zip", "", "NewWriter"}:        {Buffer: true, Type: "zip.Writer", Finish: "Close"},
	{"encoding/xml", "", "NewEncoder"}:      {Buffer: true, Type: "xml.Encoder", Finish: "Flush"},
	{"text/tabwriter", "", "NewWriter"}:     {Buffer: true, Type: "tabwriter.Writer", Finish: "Flush"},
	{"encoding/base64", "", "NewEncoder"}:   {Arg: 1, Buffer: true, Type: "base64 encoder", Finish: "Close"},
	{"encoding/base32", "", "NewEncoder"}:   {Arg: 1, Buffer: true, Type: "base32 encoder", Finish: "Close"},
	{"encoding/json", "", "NewEncoder"}:     {Type: "json.Encoder"},
	{"encoding/gob", "", "NewEncoder"}:      {Type: "gob.Encoder"},
	{"encoding/hex", "", "NewEncoder"}:      {Type: "hex encoder"},
	{"io", "", "MultiWriter"}:               {Type: "io.MultiWriter"},
}

// WriterCtor returns the entry of f if it makes a writer layered over
// another writer.
func WriterCtor(f Func) (Writer, bool) { w, ok := writerCtors[f]; return w, ok }

// WriterOp is what a method of a layered writer does.
type WriterOp uint8

const (
	WriterWrites     WriterOp = iota // writes (the default for methods not listed)
	WriterNone                       // neither writes nor flushes
	WriterFlush                      // puts buffered data into the layer below
	WriterWriteFlush                 // writes, then flushes (csv.Writer.WriteAll)
)

// writerMethods are the methods of the writers of writerCtors that do not
// (only) write; flushing methods are listed with the close summaries.
var writerMethods = map[Func]WriterOp{
	{"bufio", "Writer", "Reset"}:                    WriterNone,
	{"bufio", "Writer", "Buffered"}:                 WriterNone,
	{"bufio", "Writer", "Available"}:                WriterNone,
	{"bufio", "Writer", "AvailableBuffer"}:          WriterNone,
	{"bufio", "Writer", "Size"}:                     WriterNone,
	{"compress/gzip", "Writer", "Reset"}:            WriterNone,
	{"compress/zlib", "Writer", "Reset"}:            WriterNone,
	{"compress/flate", "Writer", "Reset"}:           WriterNone,
	{"encoding/csv", "Writer", "WriteAll"}:          WriterWriteFlush,
	{"encoding/csv", "Writer", "Error"}:             WriterNone,
	{"archive/zip", "Writer", "SetComment"}:         WriterNone,
	{"archive/zip", "Writer", "SetOffset"}:          WriterNone,
	{"archive/zip", "Writer", "RegisterCompressor"}: WriterNone,
	{"encoding/xml", "Encoder", "Indent"}:           WriterNone,
	{"text/tabwriter", "Writer", "Init"}:            WriterNone,
	{"encoding/json", "Encoder", "SetIndent"}:       WriterNone,
	{"encoding/json", "Encoder", "SetEscapeHTML"}:   WriterNone,
}

// WriterMethod returns what the method f of a layered writer does, for the
// methods that do not only write (WriterWrites for the others).
func WriterMethod(f Func) WriterOp { return writerMethods[f] }

// FileOp is what a method of *os.File does to the file's data.
type FileOp uint8

const (
	FileOther FileOp = iota // may write (Fd, SyscallConn, Truncate...)
	FileNone                // neither writes nor closes
	FileWrite
	FileClose
)

var fileMethods = map[string]FileOp{
	"Close": FileClose, "Write": FileWrite, "WriteString": FileWrite, "WriteAt": FileWrite, "ReadFrom": FileWrite,
	"Name": FileNone, "Stat": FileNone, "Sync": FileNone, "Chmod": FileNone, "Chown": FileNone, "Seek": FileNone,
	"Read": FileNone, "ReadAt": FileNone, "SetDeadline": FileNone, "SetReadDeadline": FileNone,
	"SetWriteDeadline": FileNone,
}

// FileMethod returns what f does to the file's data, if f is a method of
// *os.File.
func FileMethod(f Func) (FileOp, bool) {
	if f.Pkg != "os" || f.Recv != "File" {
		return FileOther, false
	}
	return fileMethods[f.Name], true
}
