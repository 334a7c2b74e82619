// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

type Ctx struct{}

func (c *Ctx) Params(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string  { return "" }
func (c *Ctx) FormValue(key string, defaultValue ...string) string {
	return ""
}
