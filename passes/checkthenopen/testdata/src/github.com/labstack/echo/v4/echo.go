// Package echo is a stub of github.com/labstack/echo/v4.
package echo

type Context interface {
	Param(name string) string
	QueryParam(name string) string
	FormValue(name string) string
}
