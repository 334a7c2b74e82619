package provids

import (
	"os"

	"example.com/ids"
	"github.com/google/uuid"
)

func probe(string) {}

var _ = os.Getpid // makes the package relevant to the model

func cases() {
	probe("/tmp/" + uuid.New().String())                  // want `^loc=shared name=random tempfs dir="/tmp" origin=literal$`
	probe("/tmp/" + uuid.NewString())                     // want `^loc=shared name=random tempfs dir="/tmp" origin=literal$`
	probe("/tmp/" + uuid.Must(uuid.NewRandom()).String()) // want `^loc=shared name=random tempfs dir="/tmp" origin=literal$`
	u := uuid.New()
	probe("/tmp/x-" + u.String()) // want `^loc=shared name=random tempfs dir="/tmp" origin=literal`
	// Version 1 UUIDs are built from time and the host: not random.
	probe("/tmp/" + uuid.Must(uuid.NewUUID()).String()) // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal$`
	// A package that only spells its functions like a UUID library's.
	probe("/tmp/" + ids.New().String()) // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal$`
	probe("/tmp/" + ids.NewString())    // want `^loc=shared name=unknown tempfs dir="/tmp" origin=literal$`
}
