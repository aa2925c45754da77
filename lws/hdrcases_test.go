package lws

// hdrCases are requests and the dumps golws gives for them (see hdrDump).
// Each is what lws main gave for the same request, except where a
// comment says what lws gave instead and why golws differs.
var hdrCases = []struct{ name, raw, want string }{
	{"root", "GET / HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/]
M 0 1 [/]
T 0 tl=1 ex=1 cp=1[/] short=-1[] f0=1/1[/]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws_hdr_extant is 0 for URI args however many there are. lws gave:
	//	T 76 tl=7 ex=0 cp=7[x=1&y=2] short=-1[] f0=3/3[x=1]/-2[ZZZ] f1=3/3[y=2]/-2[ZZZ] f2=0/-1
	{"args", "GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/a/b]
M 0 4 [/a/b]
T 0 tl=4 ex=1 cp=4[/a/b] short=-1[] f0=4/4[/a/b]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=7 ex=1 cp=7[x=1&y=2] short=-1[] f0=3/3[x=1]/-2[ZZZ] f1=3/3[y=2]/-2[ZZZ] f2=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:1[1]/-2[ZZZ] x=:1[1]/-2[ZZZ] mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws_hdr_extant is 0 for URI args; "mir" matches "mirror=" as a prefix in lws. lws gave:
	//	T 76 tl=45 ex=0 cp=45[a=1&b=&c&&mirror=x y z&q==&&a_b=3&k=v=w=&A=up] short=-1[] f0=3/3[a=1]/-2[ZZZ] f1=2/2[b=]/-2[ZZZ] f2=1/1[c]/-2[ZZZ] f3=0/0[] f4=12/12[mirror=x y z]/-2[ZZZ] f5=4/4[q==&]/-2[ZZZ] f6=5/5[a_b=3]/-2[ZZZ] f7=6/6[k=v=w=]/-2[ZZZ] f8=4/4[A=up]/-2[ZZZ] f9=0/-1
	//	A a:1[1]/-2[ZZZ] a=:1[1]/-2[ZZZ] b:0[]/-1[ZZZ] b=:0[]/-1[ZZZ] x:-1 x=:-1 mir:9[ror=x y z]/-2[ZZZ] mirror:5[x y z]/-2[ZZZ] mirror=:5[x y z]/-2[ZZZ] q:2[=&]/-2[ZZZ] k:4[v=w=]/-2[ZZZ] a_b:1[3]/-2[ZZZ] A:2[up]/-2[ZZZ]
	{"argmix", "GET /p?a=1&b=&c&&mirror=x+y%20z;q=%3D%26&a%3Db=3&k=v=w%3D&A=up HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/p]
M 0 2 [/p]
T 0 tl=2 ex=1 cp=2[/p] short=-1[] f0=2/2[/p]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=45 ex=1 cp=45[a=1&b=&c&&mirror=x y z&q==&&a_b=3&k=v=w=&A=up] short=-1[] f0=3/3[a=1]/-2[ZZZ] f1=2/2[b=]/-2[ZZZ] f2=1/1[c]/-2[ZZZ] f3=0/0[] f4=12/12[mirror=x y z]/-2[ZZZ] f5=4/4[q==&]/-2[ZZZ] f6=5/5[a_b=3]/-2[ZZZ] f7=6/6[k=v=w=]/-2[ZZZ] f8=4/4[A=up]/-2[ZZZ] f9=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:1[1]/-2[ZZZ] a=:1[1]/-2[ZZZ] b:0[]/-1[ZZZ] b=:0[]/-1[ZZZ] x:-1 x=:-1 mir:-1 mirror:5[x y z]/-2[ZZZ] mirror=:5[x y z]/-2[ZZZ] q:2[=&]/-2[ZZZ] k:4[v=w=]/-2[ZZZ] a_b:1[3]/-2[ZZZ] A:2[up]/-2[ZZZ]
`},
	// Differs from lws: lws stores "/" in an empty last argument. lws gave:
	//	T 76 tl=5 ex=0 cp=5[a=1&/] short=-1[] f0=3/3[a=1]/-2[ZZZ] f1=1/1[/]/-2[ZZZ] f2=0/-1
	{"argtrail", "GET /p?a=1& HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/p]
M 0 2 [/p]
T 0 tl=2 ex=1 cp=2[/p] short=-1[] f0=2/2[/p]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=4 ex=1 cp=4[a=1&] short=-1[] f0=3/3[a=1]/-2[ZZZ] f1=0/0[] f2=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:1[1]/-2[ZZZ] a=:1[1]/-2[ZZZ] b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws stores "/" in an empty last argument. lws gave:
	//	T 76 tl=1 ex=0 cp=1[/] short=-1[] f0=1/1[/]/-2[ZZZ] f1=0/-1
	{"argempty", "GET /p? HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/p]
M 0 2 [/p]
T 0 tl=2 ex=1 cp=2[/p] short=-1[] f0=2/2[/p]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=0 ex=1 cp=0[] f0=0/0[] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws_hdr_extant is 0 for URI args. lws gave:
	//	T 76 tl=12 ex=0 cp=12[a=1?b=2/../c] short=-1[] f0=12/12[a=1?b=2/../c]/-2[ZZZ] f1=0/-1
	{"argq", "GET /p?a=1?b=2/../c HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/p]
M 0 2 [/p]
T 0 tl=2 ex=1 cp=2[/p] short=-1[] f0=2/2[/p]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=12 ex=1 cp=12[a=1?b=2/../c] short=-1[] f0=12/12[a=1?b=2/../c]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:10[1?b=2/../c]/-2[ZZZ] a=:10[1?b=2/../c]/-2[ZZZ] b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws drops the byte after a %00 in an argument. lws gave:
	//	T 76 tl=8 ex=0 cp=8[a=b] short=-1[] f0=4/4[a=b\x00]/-2[ZZZ] f1=3/3[d=1]/-2[ZZZ] f2=0/-1
	//	A a:2[b\x00]/-2[ZZZ] a=:2[b\x00]/-2[ZZZ] b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
	{"argnul", "GET /p?a=b%00c&d=1 HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/p]
M 0 2 [/p]
T 0 tl=2 ex=1 cp=2[/p] short=-1[] f0=2/2[/p]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 76 tl=9 ex=1 cp=9[a=b] short=-1[] f0=5/5[a=b\x00c]/-2[ZZZ] f1=3/3[d=1]/-2[ZZZ] f2=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:3[b\x00c]/-2[ZZZ] a=:3[b\x00c]/-2[ZZZ] b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"norm", "GET //a/./b/../c/%2e%2e/d+e%2Bf HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/a/d e+f]
M 0 8 [/a/d e+f]
T 0 tl=8 ex=1 cp=8[/a/d e+f] short=-1[] f0=8/8[/a/d e+f]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"dotend", "GET /a/. HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/a/]
M 0 3 [/a/]
T 0 tl=3 ex=1 cp=3[/a/] short=-1[] f0=3/3[/a/]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws keeps the space after the colon of a repeated header, and trailing spaces. lws gave:
	//	T 17 tl=8 ex=1 cp=8[a,  b, c] short=-1[] f0=1/1[a]/-2[ZZZ] f1=3/3[  b]/-2[ZZZ] f2=2/2[ c]/-2[ZZZ] f3=0/-1
	//	T 23 tl=3 ex=1 cp=3[x  ] short=-1[] f0=3/3[x  ]/-2[ZZZ] f1=0/-1
	//	T 26 tl=14 ex=1 cp=14[a=1; b=2;  c=3] short=-1[] f0=8/8[a=1; b=2]/-2[ZZZ] f1=5/5[  c=3]/-2[ZZZ] f2=0/-1
	{"hdrs", "GET /h HTTP/1.1\r\nHost: h\r\nAccept: a\r\nAccept: b\r\nAccept:c\r\nCookie: a=1; b=2\r\nCookie: c=3\r\nUser-Agent: ua, with comma\r\nReferer:\r\nCache-Control: \r\nPragma: x  \r\n\r\n", `in=[/h]
M 0 2 [/h]
T 0 tl=2 ex=1 cp=2[/h] short=-1[] f0=2/2[/h]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 17 tl=7 ex=1 cp=7[a, b, c] short=-1[] f0=1/1[a]/-2[ZZZ] f1=2/2[ b]/-2[ZZZ] f2=2/2[ c]/-2[ZZZ] f3=0/-1
T 23 tl=1 ex=1 cp=1[x] short=-1[] f0=1/1[x]/-2[ZZZ] f1=0/-1
T 24 tl=0 ex=1 cp=0[] f0=0/0[] f1=0/-1
T 26 tl=13 ex=1 cp=13[a=1; b=2; c=3] short=-1[] f0=8/8[a=1; b=2]/-2[ZZZ] f1=4/4[ c=3]/-2[ZZZ] f2=0/-1
T 31 tl=0 ex=1 cp=0[] f0=0/0[] f1=0/-1
T 69 tl=14 ex=1 cp=14[ua, with comma] short=-1[] f0=14/14[ua, with comma]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws matches custom names case-sensitively, keeps trailing spaces, lists names in the order sent. lws gave:
	//	C [dnt:] l=1 cp=1[1] short=-1[] upper=-1 nocolon=-1
	//	C [x-foo:] l=3 cp=3[v1 ] short=-1[] upper=-1 nocolon=-1
	//	C [x-rep:] l=1 cp=1[1] short=-1[] upper=-1 nocolon=-1
	//	C [x-rep:] l=1 cp=1[1] short=-1[] upper=-1 nocolon=-1
	//	C [x-empty:] l=0 cp=0[] short=-1[] upper=-1 nocolon=-1
	//	C [x-tab:] l=1 cp=1[t] short=-1[] upper=-1 nocolon=-1
	{"custom", "GET /c HTTP/1.1\r\nHost: h\r\nDNT: 1\r\nX-Foo:   v1 \r\nX-Rep: 1\r\nX-Rep: 2\r\nX-Empty:\r\nx-tab:\tt\r\n\r\n", `in=[/c]
M 0 2 [/c]
T 0 tl=2 ex=1 cp=2[/c] short=-1[] f0=2/2[/c]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
C [dnt:] l=1 cp=1[1] short=-1[] upper=1 nocolon=-1
C [x-empty:] l=0 cp=0[] short=-1[] upper=0 nocolon=-1
C [x-foo:] l=2 cp=2[v1] short=-1[] upper=2 nocolon=-1
C [x-rep:] l=1 cp=1[1] short=-1[] upper=1 nocolon=-1
C [x-rep:] l=1 cp=1[1] short=-1[] upper=1 nocolon=-1
C [x-tab:] l=1 cp=1[t] short=-1[] upper=1 nocolon=-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws keeps the space after the colon of a repeated header. lws gave:
	//	T 6 tl=21 ex=1 cp=21[http://o1,  http://o2] short=-1[] f0=9/9[http://o1]/-2[ZZZ] f1=11/11[  http://o2]/-2[ZZZ] f2=0/-1
	{"origin", "GET /o HTTP/1.1\r\nHost: h\r\nOrigin: http://o1\r\nSec-WebSocket-Origin: http://o2\r\n\r\n", `in=[/o]
M 0 2 [/o]
T 0 tl=2 ex=1 cp=2[/o] short=-1[] f0=2/2[/o]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 6 tl=20 ex=1 cp=20[http://o1, http://o2] short=-1[] f0=9/9[http://o1]/-2[ZZZ] f1=10/10[ http://o2]/-2[ZZZ] f2=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	// Differs from lws: lws_hdr_extant is 0 for URI args. lws gave:
	//	T 76 tl=3 ex=0 cp=3[z=1] short=-1[] f0=3/3[z=1]/-2[ZZZ] f1=0/-1
	{"post", "POST /post?z=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Type: text/plain\r\n\r\nabc", `in=[/post]
M 1 5 [/post]
T 1 tl=5 ex=1 cp=5[/post] short=-1[] f0=5/5[/post]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 27 tl=1 ex=1 cp=1[3] short=-1[] f0=1/1[3]/-2[ZZZ] f1=0/-1
T 28 tl=10 ex=1 cp=10[text/plain] short=-1[] f0=10/10[text/plain]/-2[ZZZ] f1=0/-1
T 76 tl=3 ex=1 cp=3[z=1] short=-1[] f0=3/3[z=1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"chunked", "POST /ch HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", `in=[/ch]
M 1 3 [/ch]
T 1 tl=3 ex=1 cp=3[/ch] short=-1[] f0=3/3[/ch]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 68 tl=7 ex=1 cp=7[chunked] short=-1[] f0=7/7[chunked]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"put", "PUT /put HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n", `in=[/put]
M 3 4 [/put]
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 27 tl=1 ex=1 cp=1[0] short=-1[] f0=1/1[0]/-2[ZZZ] f1=0/-1
T 74 tl=4 ex=1 cp=4[/put] short=-1[] f0=4/4[/put]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"patch", "PATCH /patch HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n", `in=[/patch]
M 4 6 [/patch]
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 27 tl=1 ex=1 cp=1[0] short=-1[] f0=1/1[0]/-2[ZZZ] f1=0/-1
T 73 tl=6 ex=1 cp=6[/patch] short=-1[] f0=6/6[/patch]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"delete", "DELETE /del HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/del]
M 5 4 [/del]
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
T 75 tl=4 ex=1 cp=4[/del] short=-1[] f0=4/4[/del]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"options", "OPTIONS /opt HTTP/1.1\r\nHost: h\r\n\r\n", `in=[/opt]
M 2 4 [/opt]
T 2 tl=4 ex=1 cp=4[/opt] short=-1[] f0=4/4[/opt]/-2[ZZZ] f1=0/-1
T 3 tl=1 ex=1 cp=1[h] short=-1[] f0=1/1[h]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.1] short=-1[] f0=8/8[HTTP/1.1]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"http10", "GET /v HTTP/1.0\r\n\r\n", `in=[/v]
M 0 2 [/v]
T 0 tl=2 ex=1 cp=2[/v] short=-1[] f0=2/2[/v]/-2[ZZZ] f1=0/-1
T 15 tl=8 ex=1 cp=8[HTTP/1.0] short=-1[] f0=8/8[HTTP/1.0]/-2[ZZZ] f1=0/-1
F 0
X x-none: -1 cp=-1[] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
	{"sse", "GET /sse?a=1 HTTP/1.1\r\nHost: h\r\nX-Foo: 1\r\n\r\n", `in=[/sse]
after mark_sse:
M -1 0 
T 0 tl=0 ex=0 cp=0[] f0=0/-1[ZZZ]
T 3 tl=0 ex=0 cp=0[] f0=0/-1[ZZZ]
T 15 tl=0 ex=0 cp=0[] f0=0/-1[ZZZ]
T 76 tl=0 ex=0 cp=0[] f0=0/-1[ZZZ]
F -1
X x-none: -1 cp=-1[ZZZ] host: -1
A a:-1 a=:-1 b:-1 b=:-1 x:-1 x=:-1 mir:-1 mirror:-1 mirror=:-1 q:-1 k:-1 a_b:-1 A:-1
`},
}
