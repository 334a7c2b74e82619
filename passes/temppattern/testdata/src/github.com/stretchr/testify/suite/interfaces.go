package suite

// The interfaces through which testify's Run calls a suite's setup and
// teardown methods, as in the real package.

type SetupAllSuite interface{ SetupSuite() }

type SetupTestSuite interface{ SetupTest() }

type TearDownAllSuite interface{ TearDownSuite() }

type TearDownTestSuite interface{ TearDownTest() }

type BeforeTest interface {
	BeforeTest(suiteName, testName string)
}

type AfterTest interface {
	AfterTest(suiteName, testName string)
}

type SetupSubTest interface{ SetupSubTest() }

type TearDownSubTest interface{ TearDownSubTest() }
