package fileapi

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// Unix sockets. A socket's path names a file-system object too: tools
// that create one in a temp dir, or clear its mode for other users, do it
// for reasons the passes must see (a socket path is limited to 104-108
// bytes; a socket other users connect to must be writable by them).

// socketCall describes a call that takes a network or domain argument.
type socketCall struct {
	arg    int  // index of the network (or, for socket(2), the domain) argument
	listen bool // it creates a socket that others connect to
	unix   bool // always a Unix socket, whatever the network argument
	domain bool // the argument is an address family (socket(2)), not a network name
}

var socketCalls = map[Func]socketCall{
	{Pkg: "net", Name: "Listen"}:                             {arg: 0, listen: true},
	{Pkg: "net", Name: "ListenPacket"}:                       {arg: 0, listen: true},
	{Pkg: "net", Name: "Dial"}:                               {arg: 0},
	{Pkg: "net", Name: "DialTimeout"}:                        {arg: 0},
	{Pkg: "net", Name: "ListenUnix"}:                         {arg: 0, listen: true, unix: true},
	{Pkg: "net", Name: "ListenUnixgram"}:                     {arg: 0, listen: true, unix: true},
	{Pkg: "net", Name: "DialUnix"}:                           {arg: 0, unix: true},
	{Pkg: "net", Name: "ResolveUnixAddr"}:                    {arg: 0, unix: true},
	{Pkg: "net", Recv: "Dialer", Name: "Dial"}:               {arg: 0},
	{Pkg: "net", Recv: "Dialer", Name: "DialContext"}:        {arg: 1},
	{Pkg: "net", Recv: "ListenConfig", Name: "Listen"}:       {arg: 1, listen: true},
	{Pkg: "net", Recv: "ListenConfig", Name: "ListenPacket"}: {arg: 1, listen: true},
	{Pkg: "syscall", Name: "Socket"}:                         {arg: 0, domain: true},
	{Pkg: "golang.org/x/sys/unix", Name: "Socket"}:           {arg: 0, domain: true},
}

// afUnix is AF_UNIX, 1 on every system Go supports.
const afUnix = 1

// UnixNetwork reports whether network is a Unix-socket network name of
// package net.
func UnixNetwork(network string) bool {
	return network == "unix" || network == "unixgram" || network == "unixpacket"
}

// UnixSocket reports whether call opens, dials, listens on or resolves a
// Unix socket: a net call whose network argument is a constant Unix
// network, a net call that only takes Unix sockets (net.ListenUnix...), or
// socket(2) in the AF_UNIX domain; listen is whether others connect to it.
func UnixSocket(info *types.Info, call *ast.CallExpr) (listen, ok bool) {
	_, f := Callee(info, call)
	sc, found := socketCalls[f]
	if !found || sc.arg >= len(call.Args) {
		return false, false
	}
	if sc.unix {
		return sc.listen, true
	}
	tv, found := info.Types[call.Args[sc.arg]]
	if !found || tv.Value == nil {
		return false, false
	}
	if sc.domain {
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return sc.listen, exact && v == afUnix
	}
	return sc.listen, tv.Value.Kind() == constant.String && UnixNetwork(constant.StringVal(tv.Value))
}

// unixAddrTypes are the types of Unix socket addresses and connections.
var unixAddrTypes = map[Func]bool{
	{Pkg: "net", Name: "UnixAddr"}:                       true,
	{Pkg: "net", Name: "UnixListener"}:                   true,
	{Pkg: "net", Name: "UnixConn"}:                       true,
	{Pkg: "syscall", Name: "SockaddrUnix"}:               true,
	{Pkg: "golang.org/x/sys/unix", Name: "SockaddrUnix"}: true,
}

// IsUnixSocketType reports whether t is (a pointer to) a Unix socket
// address, listener or connection type.
func IsUnixSocketType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && unixAddrTypes[Func{Pkg: n.Obj().Pkg().Path(), Name: n.Obj().Name()}]
}
